using System.Text;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>An exception as one short log-safe line: its type and message, control characters replaced, truncated.</summary>
public static class FaultReason
{
    public const int MaxLength = 300;

    public static string Of(Exception exception) => OneLine($"{exception.GetType().Name}: {exception.Message}");

    public static string OneLine(string text, int maxLength = MaxLength)
    {
        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (var character in text)
        {
            if (builder.Length == maxLength)
            {
                return builder.Append('…').ToString();
            }

            builder.Append(char.IsControl(character) ? ' ' : character);
        }

        return builder.ToString();
    }
}
