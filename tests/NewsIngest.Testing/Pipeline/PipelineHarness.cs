using System.Globalization;
using Npgsql;

namespace NewsIngest.Testing.Pipeline;

/// <summary>
/// The whole distributed pipeline for a fault or load run, as docker-compose runs it but as plain processes: a
/// throwaway RabbitMQ node and PostgreSQL server (the store's records and the fetcher's state), a loopback server
/// with the run's generated feeds, a <see cref="TopicCounter"/> on <c>news.articles</c>, and the four built services
/// with their default settings except what the run needs to reach its feeds quickly.
/// </summary>
public sealed class PipelineHarness : IAsyncDisposable
{
    private PipelineHarness(string workDirectory) => WorkDirectory = workDirectory;

    public string WorkDirectory { get; }

    public RabbitMqNode Broker { get; private set; } = null!;

    public PostgresServer Database { get; private set; } = null!;

    /// <summary>The store's database.</summary>
    public string StoreConnectionString { get; private set; } = null!;

    public LoopbackHttpServer Server { get; private set; } = null!;

    public GeneratedFeeds Feeds { get; private set; } = null!;

    public TopicCounter Topic { get; private set; } = null!;

    public PipelineServices Services { get; private set; } = null!;

    /// <summary>
    /// Starts everything, the consumers before the fetcher; nothing is visible in the feeds yet (reveal through <see cref="Feeds"/>).
    /// </summary>
    public static async Task<PipelineHarness> StartAsync(PipelineHarnessOptions options, CancellationToken cancellationToken = default)
    {
        var harness = new PipelineHarness(TestDirectory.Create("harness"));
        try
        {
            await harness.InitializeAsync(options, cancellationToken);
            return harness;
        }
        catch
        {
            await harness.DisposeAsync();
            throw;
        }
    }

    /// <summary>Article index of every delivery, by the item URL the record carries back (or its title).</summary>
    public IReadOnlyList<(TopicDelivery Delivery, int? Index)> Deliveries()
    {
        var byUrl = Feeds.Articles.ToDictionary(a => Feeds.UrlOf(a).ToString(), a => a.Index, StringComparer.Ordinal);
        var byTitle = Feeds.Articles.ToDictionary(a => a.Title, a => a.Index, StringComparer.Ordinal);
        return [.. Topic.Deliveries.Select(d => (d, d.Url is { } url && byUrl.TryGetValue(url, out var i) ? i : d.Title is { } title && byTitle.TryGetValue(title, out var j) ? (int?)j : null))];
    }

    /// <summary>Indexes of the articles some record on the topic stands for.</summary>
    public IReadOnlySet<int> ArticlesArrived() => Deliveries().Where(d => d.Index is not null).Select(d => d.Index!.Value).ToHashSet();

    /// <summary>Messages in each queue of the broker (rabbitmqctl list_queues).</summary>
    public async Task<IReadOnlyDictionary<string, long>> QueueDepthsAsync(CancellationToken cancellationToken = default)
    {
        var output = await Broker.ControlAsync(["list_queues", "name", "messages", "--no-table-headers", "--quiet"], cancellationToken);
        var depths = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var fields = line.Split('\t', ' ');
            if (fields.Length >= 2 && long.TryParse(fields[^1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var messages))
            {
                depths[fields[0]] = messages;
            }
        }

        return depths;
    }

    /// <summary>Messages waiting in the <c>_error</c> queues, by queue.</summary>
    public async Task<IReadOnlyDictionary<string, long>> ErrorQueuesAsync(CancellationToken cancellationToken = default) =>
        (await QueueDepthsAsync(cancellationToken)).Where(q => q.Key.EndsWith("_error", StringComparison.Ordinal)).ToDictionary(q => q.Key, q => q.Value, StringComparer.Ordinal);

    /// <summary>Messages waiting in the services' own queues (not error queues, not the replay stream, not the counter's).</summary>
    public async Task<long> WorkQueuedAsync(CancellationToken cancellationToken = default) =>
        (await QueueDepthsAsync(cancellationToken))
            .Where(q => !q.Key.EndsWith("_error", StringComparison.Ordinal) && !q.Key.EndsWith("_skipped", StringComparison.Ordinal)
                && q.Key != Topic.Queue && !q.Key.StartsWith("news.articles", StringComparison.Ordinal))
            .Sum(q => q.Value);

    /// <summary>Rows in the store's <c>articles</c> table, and how many of them still wait to be published.</summary>
    public async Task<(long Stored, long Pending)> StoredRowsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = new NpgsqlConnection(StoreConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT (SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM article_outbox)", connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    /// <summary>Process ids whose trees make up each part of the run: the four services, the broker node and the database server.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds()
    {
        var ids = Services.Processes.ToDictionary(p => p.Key, p => p.Value.ProcessId, StringComparer.Ordinal);
        ids["rabbitmq"] = Broker.ProcessId;
        if (Database.PostmasterProcessId is { } postmaster)
        {
            ids["postgresql"] = postmaster;
        }

        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        if (Services is not null)
        {
            await Services.DisposeAsync();
        }

        if (Topic is not null)
        {
            await Topic.DisposeAsync();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }

        if (Broker is not null)
        {
            await Broker.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }

        await TestDirectory.DeleteAsync(WorkDirectory);
    }

    private async Task InitializeAsync(PipelineHarnessOptions options, CancellationToken cancellationToken)
    {
        var claims = Directory.CreateDirectory(Path.Combine(WorkDirectory, "claims")).FullName;
        var inbox = Directory.CreateDirectory(Path.Combine(WorkDirectory, "inbox")).FullName;
        var brokerStart = options.BrokerErlangArguments is { } erlangArguments
            ? RabbitMqNode.StartWithArgumentsAsync(erlangArguments, cancellationToken)
            : RabbitMqNode.StartAsync(cancellationToken);
        var databaseStart = PostgresServer.StartAsync(cancellationToken);
        Broker = await brokerStart;
        Database = await databaseStart;
        StoreConnectionString = await Database.CreateDatabaseAsync("newsingest", cancellationToken);
        var fetcherState = await Database.CreateDatabaseAsync("fetcher", cancellationToken);
        Server = await LoopbackHttpServer.StartAsync(cancellationToken);
        Feeds = GeneratedFeeds.Serve(Server, options.Articles, options.FeedCount, options.FeedWindow);
        Topic = await TopicCounter.StartAsync(Broker.CreateConnectionFactory(), cancellationToken: cancellationToken);

        var common = PipelineServices.CommonEnvironment(Broker, claims);
        foreach (var (key, value) in options.CommonSettings)
        {
            common[key] = value;
        }

        Services = new PipelineServices(common, options.LocateServiceDll);
        for (var replica = 1; replica <= options.StoreReplicas; replica++)
        {
            Services.Start(
                PipelineServices.Store,
                new Dictionary<string, string?> { ["Store__Provider"] = "Postgres", ["Store__ConnectionString"] = StoreConnectionString },
                replica == 1 ? null : $"{PipelineServices.Store}-{replica.ToString(CultureInfo.InvariantCulture)}");
        }

        Services.Start(PipelineServices.Enricher, new Dictionary<string, string?>());
        Services.Start(PipelineServices.Parser, new Dictionary<string, string?>());
        foreach (var project in Services.Processes.Keys)
        {
            await Services.WaitUntilStartedAsync(project);
        }

        var fetcher = new Dictionary<string, string?>
        {
            ["Fetcher__InboxPath"] = inbox,
            ["Fetcher__PollInterval"] = FormatTime(options.PollInterval),
            ["Fetcher__RequestTimeout"] = "00:00:10",
            ["Fetcher__MinHostDelay"] = "00:00:00", // every feed and page is on 127.0.0.1: no politeness delay between them
            ["Fetcher__PerHostConcurrency"] = "16",
            ["Fetcher__AllowedHosts__0"] = "127.0.0.1",
            ["Fetcher__State__Provider"] = "Postgres",
            ["Fetcher__State__ConnectionString"] = fetcherState,
        };
        var feedUrls = Feeds.FeedUrls;
        for (var i = 0; i < feedUrls.Count; i++)
        {
            fetcher[$"Fetcher__Feeds__{i}__Url"] = feedUrls[i].ToString();
        }

        Services.Start(PipelineServices.Fetcher, fetcher);
        await Services.WaitUntilStartedAsync(PipelineServices.Fetcher);
    }

    private static string FormatTime(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);
}

/// <summary>What a <see cref="PipelineHarness"/> serves and how the services are set.</summary>
public sealed record PipelineHarnessOptions(IReadOnlyList<GeneratedArticle> Articles)
{
    /// <summary>Store processes competing for its queue over the one database (the first named as the project, then <c>NewsIngest.Store-2</c>, …).</summary>
    public int StoreReplicas { get; init; } = 1;

    /// <summary>Number of feeds the articles are spread over (article i in feed i mod FeedCount).</summary>
    public int FeedCount { get; init; } = 10;

    /// <summary>Extra arguments for the broker's Erlang VM (e.g. docker-compose's scheduler flags); null: none.</summary>
    public string? BrokerErlangArguments { get; init; }

    /// <summary>Newest items each feed lists (<see cref="GeneratedFeeds.Serve"/>); 0: every visible item.</summary>
    public int FeedWindow { get; init; }

    /// <summary>The fetcher's poll interval for every feed.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The assembly to run for a service project (e.g. a ReadyToRun publish); null: its build output under bin/Release.</summary>
    public Func<string, string>? LocateServiceDll { get; init; }

    /// <summary>Extra settings for every service (environment variable form, e.g. <c>Messaging__ConcurrentMessageLimit</c>).</summary>
    public IReadOnlyDictionary<string, string?> CommonSettings { get; init; } = new Dictionary<string, string?>();
}
