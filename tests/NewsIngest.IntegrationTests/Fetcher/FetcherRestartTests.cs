using System.Net.Http.Json;
using System.Text.Json;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Fetcher;

/// <summary>
/// The fetcher as a real process with its state in a real PostgreSQL database: stopped and started again, it
/// sends its stored validators and publishes nothing it published before. Its admin endpoint drives the second poll.
/// </summary>
public sealed class FetcherRestartTests(BrokerFixture broker, DatabaseFixture database) : IAsyncLifetime
{
    private const string FeedPath = "/harbour/feed.xml";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private LoopbackHttpServer _feeds = null!;
    private string _work = null!;

    public async ValueTask InitializeAsync()
    {
        _work = TestDirectory.Create("fetcher-restart");
        _feeds = await LoopbackHttpServer.StartAsync();
        _feeds.MapResponse(FeedPath, StaticResponse.Text(Feed, "application/rss+xml; charset=utf-8") with
        {
            Headers = new Dictionary<string, string> { ["ETag"] = "\"harbour-1\"" },
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _feeds.DisposeAsync();
        await TestDirectory.DeleteAsync(_work);
    }

    [Fact]
    public async Task Restart_SeenItemsAndValidatorsKept_NothingRepublished()
    {
        // Arrange
        var environment = await EnvironmentAsync();
        var admin = new Uri(environment["ASPNETCORE_URLS"]!);
        using var http = new HttpClient { BaseAddress = admin };
        http.DefaultRequestHeaders.Add("X-Api-Key", environment["Fetcher__AdminApiKey"]);
        await using (var first = Start(environment))
        {
            await first.WaitForOutputAsync(line => line.Contains("HTTP 200, 2 new, 0 seen", StringComparison.Ordinal), Patience);
            await first.StopAsync(TimeSpan.FromSeconds(20));
        }

        // Act
        await using var second = Start(environment);
        await second.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Patience);
        var listed = await http.GetFromJsonAsync<JsonElement>("/feeds");
        var id = listed[0].GetProperty("id").GetString();
        (await http.PostAsync(new Uri($"/feeds/{id}/resume", UriKind.Relative), null)).EnsureSuccessStatusCode();
        var line = await second.WaitForOutputAsync(line => line.Contains("Polled feed", StringComparison.Ordinal), Patience);

        // Assert
        listed.GetArrayLength().ShouldBe(1);
        listed[0].GetProperty("eTag").GetString().ShouldBe("\"harbour-1\"");
        line.ShouldContain("HTTP 200, 0 new, 2 seen");
        second.Lines.ShouldNotContain(text => text.Contains("Fetched article", StringComparison.Ordinal));
        var requests = _feeds.RequestsTo(FeedPath);
        requests.Count.ShouldBe(2);
        requests[1].Headers["If-None-Match"].ShouldBe("\"harbour-1\"");
    }

    private static ServiceProcess Start(Dictionary<string, string?> environment) => FetcherProcess.Start("NewsIngest.Fetcher", environment);

    private async Task<Dictionary<string, string?>> EnvironmentAsync()
    {
        var virtualHost = await broker.Node.CreateVirtualHostAsync();
        await FetcherProcess.BindArticleFetchedQueueAsync(broker.Node, virtualHost);
        var environment = FetcherProcess.Environment(broker.Node, virtualHost, _work, await database.Server.CreateDatabaseAsync(), [_feeds.UrlFor(FeedPath)]);
        environment["Fetcher__AdminApiKey"] = "restart-test-key";
        return environment;
    }

    private const string Feed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0"><channel><title>Harbour Bulletin</title><link>http://127.0.0.1/harbour/</link>
          <item><guid>harbour-bulletin-1</guid><title>Night Crossings Resume on the North Pier</title>
            <description>The night crossings from the north pier start again on Friday after the winter break.</description></item>
          <item><guid>harbour-bulletin-2</guid><title>Dredging Narrows the Channel for a Week</title>
            <description>Boats must keep to the marked lane while the channel is dredged next week.</description></item>
        </channel></rss>
        """;
}
