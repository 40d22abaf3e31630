namespace NewsIngest.Contracts;

/// <summary>
/// The public topic contract: the exchange stored records and sighting updates are published to, and their
/// routing keys. The store declares the exchange; subscribers bind to it by these names.
/// </summary>
public static class ArticleTopic
{
    public const string Exchange = "news.articles";
    public const string Uncategorized = "uncategorized";

    public static string RoutingKey(ArticleStored record) =>
        $"article.stored.{Segment(record.Enrichment.Language)}.{Segment(record.Category)}";

    public static string RoutingKey(ArticleUpdated update) =>
        $"article.updated.{Segment(update.Story.Enrichment.Language)}.{Segment(update.Story.Category)}";

    /// <summary>A routing-key segment: lower-case letters, digits and dashes only, never empty.</summary>
    public static string Segment(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "und";
        }

        Span<char> buffer = stackalloc char[Math.Min(value.Length, 64)];
        var length = 0;
        foreach (var c in value.AsSpan(0, buffer.Length))
        {
            buffer[length++] = char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-';
        }

        return new string(buffer[..length]);
    }
}
