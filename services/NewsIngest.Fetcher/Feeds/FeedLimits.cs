namespace NewsIngest.Fetcher.Feeds;

/// <summary>Bounds that keep a hostile or runaway document from exhausting the fetcher.</summary>
internal static class FeedLimits
{
    /// <summary>Largest document accepted, in bytes.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted.</summary>
    public const int MaxDepth = 256;

    /// <summary>Items per feed, in every format: a feed with more is refused.</summary>
    public const int MaxItems = 10_000;

    /// <summary>Characters of one item's HTML (content, summary, title) read at most; the rest is cut off.</summary>
    public const int MaxItemHtmlChars = 1024 * 1024;
}
