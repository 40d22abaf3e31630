using System.CommandLine;
using NewsIngest.Cli.Embedded;
using NewsIngest.Cli.Reading;
using NewsIngest.Cli.Terminal;
using NewsIngest.Cli.Web;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Fetcher.State;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Telemetry;
using Serilog;

namespace NewsIngest.Cli.Commands;

/// <summary>
/// <c>newsingest run [--once]</c>: the whole pipeline in one process on the bundled samples (or a folder given), into
/// a SQLite file that stays (./newsingest.db by default). Without <c>--once</c> it also serves the store's query API
/// and a read-only page on localhost.
/// </summary>
public static class RunCommand
{
    /// <summary>The sample feed server's port: fixed, so the feeds' URLs, and so their items' ids, are the same every run.</summary>
    public const int DefaultFeedPort = 47180;

    /// <summary>Where the page and the query API listen without <c>--once</c>.</summary>
    public const int DefaultWebPort = 5380;

    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Exit when every source has been read and every article has gone through the pipeline." };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "A folder with inbox/ (text articles) and feeds/ (feed files); the bundled samples by default." };
        var database = new Option<FileInfo?>("--db") { Description = $"The SQLite file to store into (default ./{StoreSource.DefaultDatabase}); it stays after the run." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "With --once: give up after this long.", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var port = new Option<int>("--port") { Description = $"Without --once: the localhost port of the page and the query API (default {DefaultWebPort}).", DefaultValueFactory = _ => DefaultWebPort };
        var feedPort = new Option<int>("--feed-port") { Description = $"The localhost port the sample feeds are served on (default {DefaultFeedPort}).", DefaultValueFactory = _ => DefaultFeedPort };
        var command = new Command("run", "Run fetcher, parser, enricher and store in one process (in-memory transport, SQLite).") { once, samples, database, timeout, port, feedPort };
        command.SetAction((result, cancellationToken) =>
        {
            var folder = result.GetValue(samples)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "samples");
            if (!Directory.Exists(folder))
            {
                throw CliException.Usage($"{folder}: no such samples folder (it needs inbox/ and/or feeds/)");
            }

            if (!Directory.Exists(Path.Combine(folder, "inbox")) && !Directory.Exists(Path.Combine(folder, "feeds")))
            {
                throw CliException.Usage($"{folder} has neither inbox/ nor feeds/: nothing to read");
            }

            var request = new RunRequest(
                result.GetValue(once), folder, Path.GetFullPath(result.GetValue(database)?.FullName ?? StoreSource.DefaultDatabase),
                result.GetValue(timeout), result.GetValue(port), result.GetValue(feedPort));
            return RunAsync(request, cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(RunRequest request, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(request.Database)!;
        if (!Directory.Exists(folder))
        {
            throw CliException.Usage($"{folder}: no such folder for the database (--db)");
        }

        Console.Error.WriteLine($"newsingest: storing into {request.Database}");
        await using var feeds = await SampleFeedServer.StartAsync(Path.Combine(request.Samples, "feeds"), request.FeedPort, cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={request.Database};Pooling=False",
            ["Fetcher:InboxPath"] = Path.Combine(request.Samples, "inbox"),
            ["Fetcher:MoveProcessedFiles"] = "false",
            ["Fetcher:State:Provider"] = "Sqlite",
            ["Fetcher:State:ConnectionString"] = $"Data Source={request.Database};Pooling=False",
            ["Fetcher:AllowedHosts:0"] = "127.0.0.1", // the embedded sample feed server; the SSRF guard refuses loopback otherwise
            ["Fetcher:MinHostDelay"] = "00:00:00",
            ["Fetcher:FullArticle"] = "Off", // the bundled feed carries whole articles; its links point nowhere real
        };
        for (var i = 0; i < feeds.FeedUrls.Count; i++)
        {
            settings[$"Fetcher:Feeds:{i}:Url"] = feeds.FeedUrls[i];
        }

        try
        {
            using var host = EmbeddedPipeline.Build(settings);
            await host.StartAsync(cancellationToken);
            if (!request.Once)
            {
                await using var web = await StoreWebServer.StartAsync(host.Services.GetRequiredService<ArticleQueries>(), request.WebPort, cancellationToken);
                Console.Error.WriteLine($"newsingest: the stories are at {web.Address}/ (query API: {web.Address}/articles); Ctrl+C stops");
                await host.WaitForShutdownAsync(cancellationToken);
                return ExitCodes.Ok;
            }

            var drained = await WaitUntilDrainedAsync(host.Services, request.Timeout, cancellationToken);
            var summary = host.Services.GetRequiredService<RunSummary>();
            var monitor = host.Services.GetRequiredService<PipelineIdleMonitor>();
            var failedFeeds = await FailedFeedsAsync(host.Services, feeds.FeedUrls, cancellationToken);
            await host.StopAsync(CancellationToken.None);
            var failed = monitor.Faulted + failedFeeds;
            Console.Error.WriteLine(
                $"{summary.Stored} stored, {summary.Updated} updated, {summary.Rejected} rejected, {failed} failed"
                + (drained ? string.Empty : $", gave up after {request.Timeout}")
                + $"; records in {request.Database} ('newsingest articles --db {request.Database}')");
            return drained && failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
        }
    }

    /// <summary>Feeds of this run whose last poll failed (each already said why in one log line).</summary>
    private static async Task<int> FailedFeedsAsync(IServiceProvider services, IReadOnlyList<string> feedUrls, CancellationToken cancellationToken)
    {
        var states = await services.GetRequiredService<FeedStateStore>().ListAsync(cancellationToken);
        return states.Count(state => feedUrls.Contains(state.FeedUrl) && state.ConsecutiveErrors > 0);
    }

    private static async Task<bool> WaitUntilDrainedAsync(IServiceProvider services, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var progress = services.GetRequiredService<FetchProgress>();
        var monitor = services.GetRequiredService<PipelineIdleMonitor>();
        var outbox = services.GetRequiredService<OutboxBacklog>();
        try
        {
            await progress.FirstPassCompleted.WaitAsync(deadline.Token);
            var quiet = 0;
            while (quiet < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
                // Records and sightings alike: a sighting's update is published only once its story's record is out.
                quiet = monitor.InFlight <= 0 && (await outbox.SampleAsync(deadline.Token)).Pending == 0 ? quiet + 1 : 0;
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private sealed record RunRequest(bool Once, string Samples, string Database, TimeSpan Timeout, int WebPort, int FeedPort);
}
