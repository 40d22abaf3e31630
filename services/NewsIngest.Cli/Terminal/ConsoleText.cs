using System.Text;

namespace NewsIngest.Cli.Terminal;

/// <summary>Text from outside (titles, file names, messages) made safe for one terminal line: no control characters.</summary>
public static class ConsoleText
{
    public static string OneLine(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsControl(c) ? ' ' : c);
        }

        return builder.ToString().Trim();
    }
}
