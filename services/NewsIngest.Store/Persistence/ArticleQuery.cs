namespace NewsIngest.Store.Persistence;

/// <summary>Validated filters for one page of articles, newest first; null members do not filter.</summary>
public sealed record ArticleQuery(
    DateTimeOffset? Since,
    string? Language,
    string? Category,
    string? Entity,
    string? Text,
    ArticleCursor? After,
    int Limit);
