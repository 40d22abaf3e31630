using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>A plain-text article of the test set (title line, one paragraph a line, optional last
/// <c>Source:</c> line) and its fingerprint.</summary>
internal sealed record TextArticle(string Name, string Title, IReadOnlyList<string> Paragraphs)
{
    public StoryFingerprint Fingerprint() => StoryFingerprint.Of(Title, Paragraphs);

    public static TextArticle Parse(string name, string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var paragraphs = lines.Skip(1).ToList();
        if (paragraphs.Count > 0 && paragraphs[^1].StartsWith("Source:", StringComparison.OrdinalIgnoreCase))
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
        }

        return new TextArticle(name, lines.Length > 0 ? lines[0] : string.Empty, paragraphs);
    }
}
