using System.Text;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>An exception as one short log-safe line: its type and message, control characters replaced, truncated.</summary>
public static class FaultReason
{
    public const int MaxLength = 300;

    /// <summary>The exception and, when it wraps one, the innermost cause: <c>SerializationException: … ← JsonException: …</c>.</summary>
    public static string Of(Exception exception)
    {
        var innermost = exception;
        while (innermost.InnerException is { } inner)
        {
            innermost = inner;
        }

        var text = $"{exception.GetType().Name}: {exception.Message}";
        return OneLine(ReferenceEquals(innermost, exception) ? text : $"{text} ← {innermost.GetType().Name}: {innermost.Message}");
    }

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
