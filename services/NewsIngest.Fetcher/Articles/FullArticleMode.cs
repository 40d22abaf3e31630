namespace NewsIngest.Fetcher.Articles;

/// <summary>Whether the fetcher fetches the page an item links to and publishes it instead of the feed's text.</summary>
public enum FullArticleMode
{
    /// <summary>Never: the feed item is published as it is.</summary>
    Off,

    /// <summary>Always, for every item with a link.</summary>
    On,

    /// <summary>When the item's text is shorter than <see cref="FetcherOptions.FullArticleMinChars"/>.</summary>
    Auto,
}
