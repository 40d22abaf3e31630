using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Tests.State;

/// <summary>
/// One check for both providers: a feed's seen-item look-up finds exactly the keys recorded for it, for a whole large
/// feed's worth of keys at once, keys with quotes, commas, backslashes and non-ASCII letters included, and none of
/// another feed's.
/// </summary>
internal static class SeenKeysScenario
{
    public static async Task RunAsync(FeedStateStore store)
    {
        var now = DateTimeOffset.UtcNow;
        var feed = await store.AddAsync("http://feeds.example.org/seen.xml", null, now, CancellationToken.None);
        var other = await store.AddAsync("http://feeds.example.org/other.xml", null, now, CancellationToken.None);
        string[] awkward = ["guid \"quoted\"", "a,b", @"back\slash", "Zürich – naïve", "tag:example.org,2026:'x'"];
        var marked = Enumerable.Range(0, 600).Select(i => $"https://example.org/story/{i}").Concat(awkward).ToList();
        var unmarked = Enumerable.Range(600, 600).Select(i => $"https://example.org/story/{i}").ToList();
        await store.MarkSeenAsync(feed.FeedId, marked, now, CancellationToken.None);
        await store.MarkSeenAsync(other.FeedId, unmarked, now, CancellationToken.None);

        var seen = await store.SeenAsync(feed.FeedId, [.. marked.Concat(unmarked).Append(marked[0])], CancellationToken.None);
        var none = await store.SeenAsync(feed.FeedId, [], CancellationToken.None);

        seen.ShouldBe(marked, ignoreOrder: true);
        none.ShouldBeEmpty();
    }
}
