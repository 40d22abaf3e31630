using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Http;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Health;

/// <summary>
/// The fetcher as a real process whose only feed never answers: its loop is stuck in the poll, so <c>/health/ready</c>
/// turns unhealthy (naming the fetch loop) while <c>/health/live</c> stays healthy; once the feed answers, ready again.
/// </summary>
public sealed class FetcherReadinessTests(BrokerFixture broker) : IAsyncLifetime
{
    private const string StallingFeed = "/stalling/feed.xml";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private LoopbackHttpServer _feeds = null!;
    private string _work = null!;

    public async ValueTask InitializeAsync()
    {
        _work = TestDirectory.Create("fetcher-ready");
        _feeds = await LoopbackHttpServer.StartAsync();
        _feeds.Map(StallingFeed, async context =>
        {
            await _release.Task.WaitAsync(context.RequestAborted);
            context.Response.ContentType = "application/rss+xml; charset=utf-8";
            await context.Response.WriteAsync("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Slow</title></channel></rss>", context.RequestAborted);
        });
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetResult();
        await _feeds.DisposeAsync();
        await TestDirectory.DeleteAsync(_work);
    }

    [Fact]
    public async Task Ready_LoopStuckInAPoll_UnhealthyNamingTheLoop_ThenHealthyOnceItMovesOn()
    {
        // Arrange
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var dll = RepositoryPaths.ServiceDll("NewsIngest.Fetcher");
        await using var fetcher = ServiceProcess.StartDll(dll, Environment(address), workingDirectory: Path.GetDirectoryName(dll));
        await fetcher.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), Patience);
        using var http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(30) };

        // Act: the first poll hangs on the feed.
        await Eventually.UntilAsync(() => _feeds.RequestCount(StallingFeed) >= 1, Patience, "the fetcher polls the stalling feed");
        string stuck = string.Empty;
        await Eventually.UntilAsync(
            async () =>
            {
                using var response = await http.GetAsync(new Uri("/health/ready", UriKind.Relative));
                stuck = await response.Content.ReadAsStringAsync();
                return response.StatusCode == HttpStatusCode.ServiceUnavailable;
            },
            Patience,
            "/health/ready turns unhealthy while the loop is stuck");
        var live = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
        _release.TrySetResult();

        // Assert
        stuck.ShouldContain("\"fetch-loop\":{\"status\":\"Unhealthy\"");
        stuck.ShouldContain("the fetch loop is stuck");
        live.StatusCode.ShouldBe(HttpStatusCode.OK, "the process itself still answers");
        await Eventually.UntilAsync(
            async () => (await http.GetAsync(new Uri("/health/ready", UriKind.Relative))).StatusCode == HttpStatusCode.OK,
            Patience,
            "/health/ready is healthy again once the poll finished and the loop moved on");
    }

    private Dictionary<string, string?> Environment(Uri address) => new()
    {
        ["ASPNETCORE_URLS"] = address.ToString(),
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__ClaimCheckPath"] = Directory.CreateDirectory(Path.Combine(_work, "claims")).FullName,
        ["RabbitMqTransport__Host"] = broker.Node.Host,
        ["RabbitMqTransport__Port"] = broker.Node.Port.ToString(CultureInfo.InvariantCulture),
        ["RabbitMqTransport__User"] = broker.Node.UserName,
        ["RabbitMqTransport__Pass"] = broker.Node.Password,
        ["Fetcher__InboxPath"] = Directory.CreateDirectory(Path.Combine(_work, "inbox")).FullName,
        ["Fetcher__InboxScanInterval"] = "00:00:00.250",
        ["Fetcher__PollInterval"] = "01:00:00",
        ["Fetcher__MinHostDelay"] = "00:00:00",
        ["Fetcher__MaxRetries"] = "0",
        ["Fetcher__RequestTimeout"] = "00:01:30",
        ["Fetcher__TotalTimeout"] = "00:02:00",
        ["Fetcher__AllowedHosts__0"] = "127.0.0.1",
        ["Fetcher__Health__LoopStallAfter"] = "00:00:03",
        ["Fetcher__Feeds__0__Url"] = _feeds.UrlFor(StallingFeed).ToString(),
    };
}
