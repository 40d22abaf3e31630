using NewsIngest.Contracts;

namespace NewsIngest.Store.Tests;

/// <summary>Enriched articles for store tests, written for them.</summary>
internal static class Articles
{
    public static ArticleEnriched Enriched(string title, params string[] paragraphs) => new()
    {
        ArticleId = Guid.NewGuid(),
        CorrelationId = Guid.NewGuid(),
        EnrichedAt = DateTimeOffset.UtcNow,
        Article = new ParsedArticle { Title = title, Paragraphs = paragraphs, Source = "Test Wire", Url = "https://news.example/a" },
        Enrichment = new ArticleEnrichment { Language = "en", LanguageConfidence = 0.99, WordCount = 12, ReadingTimeMinutes = 1, Keywords = ["harbour bridge"] },
    };
}
