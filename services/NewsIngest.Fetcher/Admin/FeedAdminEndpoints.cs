using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.State;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Fetcher.Admin;

/// <summary>
/// The operator's feed list: <c>GET /feeds</c>, <c>POST /feeds</c> (<c>{"url": "...", "interval": "00:10:00"}</c>),
/// <c>POST /feeds/{id}/pause</c>, <c>POST /feeds/{id}/resume</c>, <c>DELETE /feeds/{id}</c>. Every request needs the
/// configured key (<c>Fetcher:AdminApiKey</c>) in <c>X-Api-Key</c>; with no key configured the endpoints are not mapped.
/// </summary>
public static class FeedAdminEndpoints
{
    public static IEndpointRouteBuilder MapFeedAdmin(this IEndpointRouteBuilder app, string? apiKey)
    {
        if (string.IsNullOrWhiteSpace(apiKey))
        {
            app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(FeedAdminEndpoints))
                .LogInformation("Feed admin endpoints are off: no Fetcher:AdminApiKey is configured");
            return app;
        }

        var feeds = app.MapGroup("/feeds").RequireApiKey(apiKey);
        feeds.MapGet("/", async (FeedStateStore store, CancellationToken cancellationToken) =>
            Results.Ok((await store.ListAsync(cancellationToken)).Select(FeedView.From)));
        feeds.MapPost("/", async (AddFeedRequest request, FeedStateStore store, IOptions<FetcherOptions> options, TimeProvider clock, ILogger<FeedStateStore> logger, CancellationToken cancellationToken) =>
        {
            if (!Uri.TryCreate(request.Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["url"] = ["must be an absolute http or https URL"] });
            }

            if (request.Interval is { } interval && options.Value.FeedIntervalProblem(interval) is { } problem)
            {
                return Results.ValidationProblem(new Dictionary<string, string[]> { ["interval"] = [problem] });
            }

            var feed = await store.AddAsync(uri.ToString(), request.Interval, clock.GetUtcNow(), cancellationToken);
            logger.LogInformation("Feed {FeedUrl} added as {FeedId} through the admin endpoint", feed.FeedUrl, feed.FeedId);
            return Results.Created($"/feeds/{feed.FeedId}", FeedView.From(feed));
        });
        feeds.MapPost("/{id}/pause", (string id, FeedStateStore store, TimeProvider clock, CancellationToken cancellationToken) =>
            SetPausedAsync(store, id, paused: true, clock, cancellationToken));
        feeds.MapPost("/{id}/resume", (string id, FeedStateStore store, TimeProvider clock, CancellationToken cancellationToken) =>
            SetPausedAsync(store, id, paused: false, clock, cancellationToken));
        feeds.MapDelete("/{id}", async (string id, FeedStateStore store, CancellationToken cancellationToken) =>
            await store.RemoveAsync(id, cancellationToken) ? Results.NoContent() : Results.NotFound());
        return app;
    }

    private static async Task<IResult> SetPausedAsync(FeedStateStore store, string id, bool paused, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!await store.SetPausedAsync(id, paused, clock.GetUtcNow(), cancellationToken))
        {
            return Results.NotFound();
        }

        return Results.Ok(FeedView.From((await store.FindAsync(id, cancellationToken))!));
    }

    public sealed record AddFeedRequest(string Url, TimeSpan? Interval);

    public sealed record FeedView(
        string Id, string Url, TimeSpan? Interval, bool Paused, int ConsecutiveErrors, DateTimeOffset? LastPoll, DateTimeOffset NextPoll, string? ETag, string? LastModified)
    {
        public static FeedView From(FeedState state) => new(
            state.FeedId, state.FeedUrl, state.Interval, state.Paused, state.ConsecutiveErrors, state.LastPoll, state.NextPoll, state.ETag, state.LastModified);
    }
}
