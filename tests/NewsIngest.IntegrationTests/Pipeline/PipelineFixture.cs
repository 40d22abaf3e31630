using System.Text;
using NewsIngest.Testing;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>
/// The distributed topology as plain processes: a throwaway RabbitMQ node and PostgreSQL server, a
/// loopback feed server, and the four built services each in its own OS process.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    public const string FeedPath = "/news/feed.xml";
    public const string MalformedFeedPath = "/news/broken.xml";

    private PipelineServices? _services;

    public RabbitMqNode Broker { get; private set; } = null!;

    /// <summary>Receives every service's spans over OTLP/HTTP.</summary>
    public OtlpReceiver Otlp { get; private set; } = null!;

    public PostgresServer Database { get; private set; } = null!;

    public string DatabaseConnectionString { get; private set; } = null!;

    public LoopbackHttpServer Feeds { get; private set; } = null!;

    public TopicSubscriber Subscriber { get; private set; } = null!;

    public string Inbox { get; private set; } = null!;

    public string WorkDirectory { get; private set; } = null!;

    /// <summary>The running services by project name (<c>NewsIngest.Store</c>, …).</summary>
    public IReadOnlyDictionary<string, ServiceProcess> Services => _services!.Processes;

    public async ValueTask InitializeAsync()
    {
        WorkDirectory = TestDirectory.Create("pipeline");
        Inbox = Directory.CreateDirectory(Path.Combine(WorkDirectory, "inbox")).FullName;
        var claims = Directory.CreateDirectory(Path.Combine(WorkDirectory, "claims")).FullName;
        var brokerStart = RabbitMqNode.StartWithManagementAsync();
        var databaseStart = PostgresServer.StartAsync();
        Broker = await brokerStart;
        Database = await databaseStart;
        DatabaseConnectionString = await Database.CreateDatabaseAsync("newsingest");
        Feeds = await LoopbackHttpServer.StartAsync();
        Otlp = await OtlpReceiver.StartAsync();
        Feeds.MapResponse(FeedPath, StaticResponse.Text(FeedXml.Replace("{BASE}", Feeds.BaseAddress.ToString().TrimEnd('/'), StringComparison.Ordinal), "application/rss+xml; charset=utf-8"));
        // The first entry's feed text is short: the fetcher fetches its page (full-article "Auto") and the parser extracts it.
        Feeds.MapResponse("/news/river-cleanup", StaticResponse.Text(RiverCleanupPage, "text/html; charset=utf-8"));
        // A feed URL that answers with an HTML error page: no feed at all.
        Feeds.MapResponse(MalformedFeedPath, StaticResponse.Text("<html><body><h1>Temporarily unavailable</h1></body></html>", "application/rss+xml"));
        Subscriber = await TopicSubscriber.StartAsync(Broker.CreateConnectionFactory(), "article.stored.#");

        var common = PipelineServices.CommonEnvironment(Broker, claims);
        common["Messaging__RetryLimit"] = "1";
        common["Logs__Format"] = "json";
        common["Logs__SummaryInterval"] = "00:00:05";
        foreach (var (key, value) in Otlp.ExporterEnvironment)
        {
            common[key] = value;
        }

        _services = new PipelineServices(common);
        _services.Start(PipelineServices.Store, new Dictionary<string, string?>
        {
            ["Store__Provider"] = "Postgres",
            ["Store__ConnectionString"] = DatabaseConnectionString,
        });
        _services.Start(PipelineServices.Enricher, new Dictionary<string, string?>());
        _services.Start(PipelineServices.Parser, new Dictionary<string, string?>());
        // The consumers' queues exist once their services are up; only then may the fetcher publish.
        foreach (var project in Services.Keys)
        {
            await _services.WaitUntilStartedAsync(project);
        }

        _services.Start(PipelineServices.Fetcher, new Dictionary<string, string?>
        {
            ["Fetcher__InboxPath"] = Inbox,
            ["Fetcher__InboxScanInterval"] = "00:00:00.250",
            ["Fetcher__PollInterval"] = "00:00:03",
            ["Fetcher__RequestTimeout"] = "00:00:05",
            ["Fetcher__AllowedHosts__0"] = "127.0.0.1",
            ["Fetcher__Feeds__0__Url"] = Feeds.UrlFor(FeedPath).ToString(),
            ["Fetcher__Feeds__1__Url"] = Feeds.UrlFor(MalformedFeedPath).ToString(),
        });

        await _services.WaitUntilStartedAsync(PipelineServices.Fetcher);
    }

    /// <summary>Drops a file into the inbox the way an operator should: written aside, then moved in.</summary>
    public void DropIntoInbox(string name, byte[] content)
    {
        var temporary = Path.Combine(WorkDirectory, name + ".part");
        File.WriteAllBytes(temporary, content);
        File.Move(temporary, Path.Combine(Inbox, name));
    }

    public void DropIntoInbox(string name, string text) => DropIntoInbox(name, Encoding.UTF8.GetBytes(text));

    public IEnumerable<string> LogsOf(string service) => _services!.LogsOf(service);

    /// <summary>The HTTP address (health endpoints) of a running service.</summary>
    public Uri AddressOf(string service) => _services!.AddressOf(service);

    public async ValueTask DisposeAsync()
    {
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        if (Subscriber is not null)
        {
            await Subscriber.DisposeAsync();
        }

        if (Feeds is not null)
        {
            await Feeds.DisposeAsync();
        }

        if (Otlp is not null)
        {
            await Otlp.DisposeAsync();
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

    /// <summary>The page behind the first feed entry: more text than the feed carries, plus boilerplate.</summary>
    public const string RiverCleanupPage = """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>River Cleanup Draws Hundreds of Volunteers | Loopback Test Gazette</title>
        <meta property="og:site_name" content="Loopback Test Gazette"></head>
        <body><nav class="menu"><a href="/">Home</a> <a href="/news">News</a></nav>
        <article><h1>River Cleanup Draws Hundreds of Volunteers</h1>
        <p>Hundreds of volunteers spent Saturday pulling litter out of the river that runs through the old town, filling more than two hundred bags.</p>
        <p>The organisers said plastic bottles and shopping trolleys were the most common finds, and asked the council for more bins along the footpath.</p>
        <p>Full page only: a local school brought forty pupils, who counted and sorted every bottle they found for a science project on river pollution.</p>
        </article>
        <footer>Copyright 2026 Loopback Test Gazette</footer></body></html>
        """;

    private const string FeedXml = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
          <channel>
            <title>Loopback Test Gazette</title>
            <link>{BASE}/</link>
            <description>Feed written for the end-to-end test.</description>
            <item>
              <title>River Cleanup Draws Hundreds of Volunteers</title>
              <link>{BASE}/news/river-cleanup</link>
              <guid>loopback-gazette-1</guid>
              <pubDate>Wed, 25 Nov 2026 08:00:00 +0000</pubDate>
              <content:encoded><![CDATA[<p>Hundreds of volunteers spent Saturday pulling litter out of the river that runs through the old town, filling more than two hundred bags.</p><p>The organisers said plastic bottles and shopping trolleys were the most common finds, and asked the council for more bins along the footpath.</p>]]></content:encoded>
            </item>
            <item>
              <title>New Bus Line Links the Hospital and the Station</title>
              <link>{BASE}/news/bus-line</link>
              <guid>loopback-gazette-2</guid>
              <pubDate>Thu, 26 Nov 2026 07:00:00 +0000</pubDate>
              <description><![CDATA[<p>A new bus line started on Monday between the main hospital and the railway station, running every twelve minutes from early morning until midnight.</p><p>Patients and staff had asked for a direct connection for years, the transport authority said.</p>]]></description>
            </item>
          </channel>
        </rss>
        """;
}
