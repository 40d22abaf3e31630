using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>Builds a <see cref="ParsedArticle"/> from plain text: first line title, one paragraph a line, optional <c>Source: NAME</c>.</summary>
public static class TextArticle
{
    public static ParsedArticle Parse(string text)
    {
        var lines = text.Replace("\r", string.Empty, StringComparison.Ordinal).Split('\n')
            .Select(l => l.Trim())
            .Where(l => l.Length > 0)
            .ToList();
        string? source = null;
        if (lines.Count > 1 && lines[^1].StartsWith("Source:", StringComparison.OrdinalIgnoreCase))
        {
            source = lines[^1]["Source:".Length..].Trim();
            lines.RemoveAt(lines.Count - 1);
        }

        return new ParsedArticle
        {
            Title = lines.Count > 0 ? lines[0] : string.Empty,
            Paragraphs = lines.Skip(1).ToList(),
            Source = source,
        };
    }

    public static ParsedArticle Of(string title, params string[] paragraphs) =>
        new() { Title = title, Paragraphs = paragraphs };
}
