using NewsIngest.Text.Safety;

namespace NewsIngest.Cli.Terminal;

/// <summary>Text from outside (titles, file names, messages) made safe for one terminal line (<see cref="ControlCharacters"/>).</summary>
public static class ConsoleText
{
    public static string OneLine(string? text) => text is null ? string.Empty : ControlCharacters.Strip(text);
}
