namespace NewsIngest.Fetcher.Feeds;

/// <summary>Bounds that keep a hostile or runaway document from exhausting the fetcher.</summary>
internal static class FeedLimits
{
    /// <summary>Largest document accepted, in bytes.</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    /// <summary>Deepest element nesting accepted.</summary>
    public const int MaxDepth = 256;

    public const int MaxItems = 100_000;
}
