namespace NewsIngest.Contracts;

/// <summary>What the fetcher picked up, which tells the parser how to read the body.</summary>
public enum ArticleSourceKind
{
    /// <summary>A plain-text wire article: title line, paragraphs, optional <c>Source: NAME</c> trailer.</summary>
    Text = 0,

    /// <summary>A full article page (HTML).</summary>
    Html = 1,

    /// <summary>A feed entry whose body is the entry's own content or summary (HTML fragment).</summary>
    FeedItem = 2,
}
