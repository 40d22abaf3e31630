using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.State;
using Polly.Telemetry;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>
/// The fetcher's real services (state store, guarded HTTP client, poller) built from settings, with a recording
/// publisher and captured logs. Not started: tests poll a feed explicitly with <see cref="PollAsync"/>, or start the
/// host's loops with <see cref="RunLoopsAsync"/>.
/// Defaults suit tests: 127.0.0.1 allow-listed, full articles off, no per-host delay, short retry delays and timeouts.
/// </summary>
internal sealed class FetcherHarness : IAsyncDisposable
{
    private readonly IHost _host;
    private bool _running;

    private FetcherHarness(IHost host, RecordingPublisher published)
    {
        _host = host;
        Published = published;
    }

    public RecordingPublisher Published { get; }

    public FakeLogCollector Logs => _host.Services.GetFakeLogCollector();

    public FeedStateStore Store => _host.Services.GetRequiredService<FeedStateStore>();

    /// <param name="retryEvents">When given, receives the resilience events (retries, breaker) of every outbound call.</param>
    public static async Task<FetcherHarness> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, RetryEventRecorder? retryEvents = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Fetcher:AllowedHosts:0"] = "127.0.0.1",
            ["Fetcher:MinHostDelay"] = "00:00:00",
            ["Fetcher:RetryDelay"] = "00:00:00.010",
            ["Fetcher:RequestTimeout"] = "00:00:02",
            ["Fetcher:TotalTimeout"] = "00:00:05",
            ["Fetcher:PollInterval"] = "00:01:00",
            ["Fetcher:FullArticle"] = "Off", // the test feeds link to pages that do not exist; full-article tests turn it on
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddFetcher();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Debug).AddFakeLogging();
        var published = new RecordingPublisher();
        builder.Services.AddSingleton<IFetchedItemPublisher>(published);
        if (retryEvents is not null)
        {
            builder.Services.Configure<TelemetryOptions>(telemetry => telemetry.TelemetryListeners.Add(retryEvents));
        }

        var harness = new FetcherHarness(builder.Build(), published);
        await harness.Store.MigrateAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>Registers a feed (or finds it again) and returns its id.</summary>
    public async Task<string> AddFeedAsync(Uri url, TimeSpan? interval = null) =>
        (await Store.AddAsync(url.ToString(), interval, DateTimeOffset.UtcNow, CancellationToken.None)).FeedId;

    /// <summary>Polls one feed now, whatever its schedule: claims it as if its next poll had come.</summary>
    public async Task<PollResult> PollAsync(Uri url)
    {
        var id = await AddFeedAsync(url);
        var owner = "harness-" + Guid.NewGuid().ToString("N");
        var claimed = await Store.ClaimDueAsync(owner, DateTimeOffset.UtcNow.AddYears(1), TimeSpan.FromMinutes(1), 10_000, CancellationToken.None);
        var feed = claimed.Single(state => state.FeedId == id);
        return await _host.Services.GetRequiredService<FeedPoller>().PollAsync(feed, owner, CancellationToken.None);
    }

    public async Task<FeedState> StateAsync(Uri url) =>
        await Store.FindAsync(FeedIds.For(url.ToString()), CancellationToken.None) ?? throw new InvalidOperationException($"No state for {url}.");

    public IReadOnlyList<FakeLogRecord> LogsAt(LogLevel level) => [.. Logs.GetSnapshot().Where(record => record.Level == level)];

    /// <summary>Starts the host's own loops (feed state, fetch loop, inbox loop), as the service runs them.</summary>
    public async Task RunLoopsAsync()
    {
        await _host.StartAsync();
        _running = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await _host.StopAsync();
        }

        await ((IAsyncDisposable)_host).DisposeAsync();
    }
}
