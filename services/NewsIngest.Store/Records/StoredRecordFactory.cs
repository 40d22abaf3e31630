using NewsIngest.Contracts;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Store.Records;

/// <summary>Turns an enriched article into the public record that is stored and published.</summary>
public static class StoredRecordFactory
{
    public const int SchemaVersion = 1;

    public static ArticleStored Create(ArticleEnriched message, DateTimeOffset storedAt) => new()
    {
        SchemaVersion = SchemaVersion,
        ArticleId = message.ArticleId,
        CorrelationId = message.CorrelationId,
        StoredAt = storedAt,
        ContentHash = ContentFingerprint.Of(message.Article),
        Category = message.Enrichment.Categories.Count > 0 ? message.Enrichment.Categories[0].Code : ArticleTopic.Uncategorized,
        Article = message.Article,
        Enrichment = message.Enrichment,
    };
}
