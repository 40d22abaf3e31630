using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.State;

/// <summary>Feed ids: short, URL-safe and the same in every replica and after every restart.</summary>
public static class FeedIds
{
    public static string For(string feedUrl) => ArticleIds.FromKey("feed-source:" + feedUrl).ToString("N")[..16];
}
