using NewsIngest.Contracts;
using NewsIngest.Store.Dedup;
using NewsIngest.Store.Records;

namespace NewsIngest.Store.Tests.Dedup;

/// <summary>A plain-text article of the test set (title line, one paragraph a line, optional last
/// <c>Source:</c> line), its fingerprint and its stored record.</summary>
internal sealed record TextArticle(string Name, string Title, IReadOnlyList<string> Paragraphs)
{
    public StoryFingerprint Fingerprint() => StoryFingerprint.Of(Title, Paragraphs);

    /// <summary>The record the store would keep for this text arriving at <paramref name="at"/>, under a new
    /// article id and with no URL, so that only the text decides.</summary>
    public ArticleStored Record(DateTimeOffset at) => StoredRecordFactory.Create(
        new ArticleEnriched
        {
            ArticleId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            EnrichedAt = at,
            Article = new ParsedArticle { Title = Title, Paragraphs = Paragraphs, Source = "Test Wire" },
            Enrichment = new ArticleEnrichment { Language = "en", LanguageConfidence = 0.99, WordCount = 100, ReadingTimeMinutes = 1 },
        },
        at);

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

    public static TextArticle Named(string name) => Parse(name, File.ReadAllText(Path.Combine(PairSet.Folder, name + ".txt")));
}
