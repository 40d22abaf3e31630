using System.Text.RegularExpressions;

using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Text;

/// <summary>
/// Reads a wire article in plain text: the first line is the title, then paragraphs (one per line, or
/// blocks separated by blank lines), optionally a last line <c>Source: NAME</c>.
/// </summary>
public static partial class PlainTextArticleReader
{
    public static PlainTextArticle Read(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var start = Array.FindIndex(lines, line => !string.IsNullOrWhiteSpace(line));
        if (start < 0)
        {
            return new PlainTextArticle(string.Empty, [], null);
        }

        var title = TextNormalizer.Normalize(lines[start]);
        var body = lines.AsSpan(start + 1);
        var paragraphs = HasBlankLineBlocks(body) ? Blocks(body) : Lines(body);

        string? source = null;
        if (paragraphs.Count > 0 && SourceLine().Match(paragraphs[^1]) is { Success: true } match)
        {
            source = match.Groups["name"].Value.Trim();
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return new PlainTextArticle(title, paragraphs, source);
    }

    private static bool HasBlankLineBlocks(ReadOnlySpan<string> body)
    {
        // Blocks separated by blank lines, where at least one block spans several lines (hard-wrapped text).
        var blank = false;
        var run = 0;
        foreach (var line in body)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                blank = true;
                run = 0;
            }
            else if (++run > 1 && blank)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> Lines(ReadOnlySpan<string> body)
    {
        var paragraphs = new List<string>();
        foreach (var line in body)
        {
            var clean = TextNormalizer.Normalize(line);
            if (clean.Length > 0)
            {
                paragraphs.Add(clean);
            }
        }

        return paragraphs;
    }

    private static List<string> Blocks(ReadOnlySpan<string> body)
    {
        var paragraphs = new List<string>();
        var current = new List<string>();
        foreach (var line in body)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                Flush(paragraphs, current);
            }
            else
            {
                current.Add(line);
            }
        }

        Flush(paragraphs, current);
        return paragraphs;
    }

    private static void Flush(List<string> paragraphs, List<string> current)
    {
        var clean = TextNormalizer.Normalize(string.Join(' ', current));
        if (clean.Length > 0)
        {
            paragraphs.Add(clean);
        }

        current.Clear();
    }

    [GeneratedRegex(@"^\s*Source\s*:\s*(?<name>\S.{0,200})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SourceLine();
}

/// <summary>The parts of a plain-text wire article.</summary>
public sealed record PlainTextArticle(string Title, IReadOnlyList<string> Paragraphs, string? Source);
