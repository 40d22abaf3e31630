using System.Diagnostics;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.State;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Benchmarks;

/// <summary>
/// One poll cycle over N feeds on a loopback server, through the real fetcher services (guarded client,
/// resilience pipeline, SQLite state, leases, seen-item checks): first with every item new, then again with
/// every feed answering 304 to its ETag.
/// </summary>
internal static class PollCycleBenchmark
{
    public static async Task RunAsync(int feedCount, int itemsPerFeed)
    {
        await using var server = await LoopbackHttpServer.StartAsync();
        for (var i = 0; i < feedCount; i++)
        {
            var body = Encoding.UTF8.GetBytes(SyntheticFeeds.Rss($"feed{i}", itemsPerFeed));
            var etag = $"\"feed{i}-v1\"";
            server.Map($"/feeds/{i}.xml", context => ServeAsync(context, body, etag));
        }

        var database = Path.Combine(Path.GetTempPath(), $"fetcher-bench-{Guid.NewGuid():N}.db");
        var clock = new ShiftedClock();
        var publisher = new CountingPublisher();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fetcher:AllowedHosts:0"] = "127.0.0.1",
            ["Fetcher:MinHostDelay"] = "00:00:00",
            ["Fetcher:PerHostConcurrency"] = "32",
            ["Fetcher:MaxConcurrentPolls"] = "32",
            ["Fetcher:State:Provider"] = "Sqlite",
            ["Fetcher:State:ConnectionString"] = $"Data Source={database}",
        });
        builder.AddFetcher();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddSingleton<IFetchedItemPublisher>(publisher);
        try
        {
            using var host = builder.Build();
            var store = host.Services.GetRequiredService<FeedStateStore>();
            await store.MigrateAsync(CancellationToken.None);
            for (var i = 0; i < feedCount; i++)
            {
                await store.AddAsync(server.UrlFor($"/feeds/{i}.xml").ToString(), null, clock.GetUtcNow(), CancellationToken.None);
            }

            var cycle = host.Services.GetRequiredService<FeedPollScheduler>();
            Console.WriteLine($"Poll cycle over {feedCount} feeds x {itemsPerFeed} items on {server.BaseAddress} (SQLite state, 32 polls at once)");
            var full = await TimeAsync(cycle);
            Report("all new (200)", feedCount, full.Elapsed, full.Published, server.Requests.Count);

            clock.Offset = TimeSpan.FromDays(2);
            var requestsBefore = server.Requests.Count;
            var conditional = await TimeAsync(cycle);
            Report("unchanged (304)", feedCount, conditional.Elapsed, conditional.Published, server.Requests.Count - requestsBefore);
            Console.WriteLine($"  items published in total: {publisher.Count}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(database);
        }
    }

    private static async Task<(TimeSpan Elapsed, int Published)> TimeAsync(FeedPollScheduler cycle)
    {
        var clock = Stopwatch.StartNew();
        var published = await cycle.PollDueAsync(CancellationToken.None);
        return (clock.Elapsed, published);
    }

    private static void Report(string label, int feeds, TimeSpan elapsed, int published, int requests) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  {label,-16} {elapsed.TotalMilliseconds,8:N0} ms  {feeds / elapsed.TotalSeconds,8:N0} feeds/s  {published,7:N0} items published  {requests,6:N0} requests"));

    private static async Task ServeAsync(HttpContext context, byte[] body, string etag)
    {
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = StatusCodes.Status304NotModified;
            return;
        }

        context.Response.Headers.ETag = etag;
        context.Response.ContentType = "application/rss+xml; charset=utf-8";
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }
}
