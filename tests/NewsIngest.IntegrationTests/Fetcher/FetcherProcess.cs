using System.Globalization;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Fetcher;

/// <summary>The built fetcher (or parser) as an OS process against a test's broker, claim-check folder and state database.</summary>
internal static class FetcherProcess
{
    /// <summary>Settings for the fetcher: RabbitMQ on <paramref name="virtualHost"/>, state in PostgreSQL, 127.0.0.1 allowed, feeds polled hourly.</summary>
    public static Dictionary<string, string?> Environment(
        RabbitMqNode node, string virtualHost, string work, string stateConnectionString, IEnumerable<Uri> feeds)
    {
        var environment = Common(node, virtualHost, work);
        environment["Fetcher__InboxPath"] = Directory.CreateDirectory(Path.Combine(work, "inbox")).FullName;
        environment["Fetcher__InboxScanInterval"] = "00:00:00.250";
        environment["Fetcher__PollInterval"] = "01:00:00";
        environment["Fetcher__MinHostDelay"] = "00:00:00";
        environment["Fetcher__FullArticle"] = "Off";
        environment["Fetcher__AllowedHosts__0"] = "127.0.0.1";
        environment["Fetcher__State__Provider"] = "Postgres";
        environment["Fetcher__State__ConnectionString"] = stateConnectionString;
        var index = 0;
        foreach (var feed in feeds)
        {
            environment[$"Fetcher__Feeds__{index++}__Url"] = feed.ToString();
        }

        return environment;
    }

    /// <summary>What every service of the test needs: the broker, the shared claim-check folder, a free HTTP port.</summary>
    public static Dictionary<string, string?> Common(RabbitMqNode node, string virtualHost, string work)
    {
        var environment = new Dictionary<string, string?>(node.TransportEnvironment(virtualHost))
        {
            ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}",
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = Directory.CreateDirectory(Path.Combine(work, "claims")).FullName,
        };
        return environment;
    }

    /// <summary>
    /// Stands in for the parser when a test has none: a queue bound to the <c>ArticleFetched</c> exchange, declared as
    /// MassTransit declares it, so the fetcher's mandatory publishes are routed.
    /// </summary>
    public static async Task BindArticleFetchedQueueAsync(RabbitMqNode node, string virtualHost)
    {
        await using var connection = await node.CreateConnectionFactory(virtualHost).CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await channel.ExchangeDeclareAsync("NewsIngest.Contracts:ArticleFetched", RabbitMQ.Client.ExchangeType.Fanout, durable: true, autoDelete: false);
        await channel.QueueDeclareAsync("test-article-fetched", durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync("test-article-fetched", "NewsIngest.Contracts:ArticleFetched", string.Empty);
    }

    public static ServiceProcess Start(string project, IReadOnlyDictionary<string, string?> environment)
    {
        var dll = RepositoryPaths.ServiceDll(project);
        return ServiceProcess.StartDll(dll, environment, workingDirectory: Path.GetDirectoryName(dll));
    }

    public static Task<string> WaitUntilStartedAsync(ServiceProcess service, TimeSpan patience) =>
        service.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), patience);
}
