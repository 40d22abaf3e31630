using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Telemetry;

/// <summary>
/// <c>GET /status</c>: each feed with its schedule (shared state) and the last poll this replica made of it
/// (outcome, HTTP status, items, failure), read-only, for <c>newsingest status</c>.
/// </summary>
public static class FetcherStatusEndpoints
{
    public static IEndpointRouteBuilder MapFetcherStatus(this IEndpointRouteBuilder app)
    {
        app.MapGet("/status", async (FeedStateStore store, CancellationToken cancellationToken) =>
        {
            var feeds = await store.ListAsync(cancellationToken);
            return Results.Ok(new FetcherStatus(feeds.Select(FeedStatus.From).ToList()));
        });
        return app;
    }

    public sealed record FetcherStatus(IReadOnlyList<FeedStatus> Feeds);

    public sealed record FeedStatus(
        string Id, string Url, bool Paused, int ConsecutiveErrors, DateTimeOffset? LastPoll, DateTimeOffset NextPoll, LastPoll? LastResult)
    {
        public static FeedStatus From(FeedState state) =>
            new(state.FeedId, state.FeedUrl, state.Paused, state.ConsecutiveErrors, state.LastPoll, state.NextPoll, FeedPollLog.Of(state.FeedUrl));
    }
}
