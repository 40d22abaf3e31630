using System.CommandLine;
using NewsIngest.Cli.Embedded;
using NewsIngest.Fetcher.Polling;
using Serilog;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest run [--once]</c>: the whole pipeline in one process on the bundled samples (or a folder given).</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var once = new Option<bool>("--once") { Description = "Exit when every source has been read and every article has gone through the pipeline." };
        var samples = new Option<DirectoryInfo?>("--samples") { Description = "A folder with inbox/ (text articles) and feeds/ (feed files); the bundled samples by default." };
        var database = new Option<FileInfo?>("--db") { Description = "SQLite file to store into; a fresh temporary one by default." };
        var timeout = new Option<TimeSpan>("--timeout") { Description = "With --once: give up after this long.", DefaultValueFactory = _ => TimeSpan.FromMinutes(5) };
        var command = new Command("run", "Run fetcher, parser, enricher and store in one process (in-memory transport, SQLite).") { once, samples, database, timeout };
        command.SetAction((result, cancellationToken) => RunAsync(
            result.GetValue(once),
            result.GetValue(samples)?.FullName ?? Path.Combine(AppContext.BaseDirectory, "samples"),
            result.GetValue(database)?.FullName,
            result.GetValue(timeout),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(bool once, string samples, string? database, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var temporary = database is null;
        database ??= Path.Combine(Path.GetTempPath(), $"newsingest-{Environment.ProcessId}-{Guid.NewGuid():N}.db");
        await using var feeds = await SampleFeedServer.StartAsync(Path.Combine(samples, "feeds"), cancellationToken);
        var settings = new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Store:Provider"] = "Sqlite",
            ["Store:ConnectionString"] = $"Data Source={database};Pooling=False",
            ["Fetcher:InboxPath"] = Path.Combine(samples, "inbox"),
            ["Fetcher:MoveProcessedFiles"] = "false",
            ["Fetcher:State:Provider"] = "Sqlite",
            ["Fetcher:State:ConnectionString"] = $"Data Source={database};Pooling=False",
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
            if (!once)
            {
                await host.WaitForShutdownAsync(cancellationToken);
                return 0;
            }

            var drained = await WaitUntilDrainedAsync(host.Services, timeout, cancellationToken);
            var summary = host.Services.GetRequiredService<RunSummary>();
            var monitor = host.Services.GetRequiredService<PipelineIdleMonitor>();
            await host.StopAsync(CancellationToken.None);
            Console.Error.WriteLine($"{summary.Stored} stored, {monitor.Faulted} failed{(drained ? string.Empty : $", gave up after {timeout}")}");
            return drained && monitor.Faulted == 0 ? 0 : 1;
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            Log.Fatal("Configuration is invalid: {ConfigurationErrors}", string.Join("; ", ex.Failures));
            return 2;
        }
        finally
        {
            await Log.CloseAndFlushAsync();
            if (temporary)
            {
                File.Delete(database);
            }
        }
    }

    private static async Task<bool> WaitUntilDrainedAsync(IServiceProvider services, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var progress = services.GetRequiredService<FetchProgress>();
        var monitor = services.GetRequiredService<PipelineIdleMonitor>();
        var outbox = services.GetRequiredService<NewsIngest.Store.Persistence.IArticleRepository>();
        try
        {
            await progress.FirstPassCompleted.WaitAsync(deadline.Token);
            var quiet = 0;
            while (quiet < 5)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), deadline.Token);
                quiet = monitor.InFlight <= 0 && await outbox.CountPendingAsync(deadline.Token) == 0 ? quiet + 1 : 0;
            }

            return true;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
