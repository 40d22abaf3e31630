using NewsIngest.Cli.Terminal;

namespace NewsIngest.Cli.Output;

/// <summary>A plain-text table for the terminal: columns padded to their widest cell, long cells cut.</summary>
public sealed class TextTable(params string[] headers)
{
    private const int MaxCell = 60;
    private readonly List<string[]> _rows = [];

    public void Add(params string?[] cells) =>
        _rows.Add(cells.Select(cell => Cut(ConsoleText.OneLine(cell))).ToArray());

    public void Write(TextWriter output)
    {
        var widths = headers.Select((header, i) => _rows.Select(row => row[i].Length).Append(header.Length).Max()).ToArray();
        output.WriteLine(Line(headers, widths).ToUpperInvariant());
        foreach (var row in _rows)
        {
            output.WriteLine(Line(row, widths));
        }
    }

    private static string Line(string[] cells, int[] widths) =>
        string.Join("  ", cells.Select((cell, i) => i == cells.Length - 1 ? cell : cell.PadRight(widths[i]))).TrimEnd();

    private static string Cut(string cell) => cell.Length <= MaxCell ? cell : cell[..(MaxCell - 1)] + "…";
}
