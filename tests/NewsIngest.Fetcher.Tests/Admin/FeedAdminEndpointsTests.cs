using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NewsIngest.Data;
using NewsIngest.Fetcher.Admin;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Tests.Admin;

public sealed class FeedAdminEndpointsTests : IAsyncLifetime
{
    private const string ApiKey = "test-admin-key";

    private WebApplication _app = null!;
    private FakeLogCollector _logs = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new FeedStateStore(SqlDialect.Memory()));
        builder.Logging.AddFakeLogging();
        _app = builder.Build();
        _logs = _app.Services.GetFakeLogCollector();
        _app.MapFeedAdmin(ApiKey);
        await _app.Services.GetRequiredService<FeedStateStore>().MigrateAsync(CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
        _client.DefaultRequestHeaders.Add("X-Api-Key", ApiKey);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-key")]
    public async Task Feeds_WithoutTheApiKey_AreUnauthorizedAndLogged(string? key)
    {
        // Arrange (issue 10, row 5: anyone reaching port 8080 could add, pause and delete feeds)
        using var anonymous = new HttpClient { BaseAddress = _client.BaseAddress };
        if (key is not null)
        {
            anonymous.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        // Act
        using var added = await anonymous.PostAsJsonAsync("/feeds", new { url = "https://news.example.org/feed.xml" });
        using var deleted = await anonymous.DeleteAsync(new Uri("/feeds/any", UriKind.Relative));

        // Assert
        added.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        deleted.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await _app.Services.GetRequiredService<FeedStateStore>().ListAsync(CancellationToken.None)).ShouldBeEmpty();
        var refusals = _logs.GetSnapshot().Where(log => log.Message.StartsWith("Refused ", StringComparison.Ordinal)).ToList();
        refusals.Count.ShouldBe(2);
        refusals[0].Message.ShouldBe($"Refused POST /feeds from 127.0.0.1: {(key is null ? "no API key" : "wrong API key")}");
    }

    [Fact]
    public async Task Feeds_NoApiKeyConfigured_EndpointsAreOff()
    {
        // Arrange
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(new FeedStateStore(SqlDialect.Memory()));
        await using var app = builder.Build();
        app.MapFeedAdmin(apiKey: null);
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };

        // Act
        using var response = await client.PostAsJsonAsync("/feeds", new { url = "https://news.example.org/feed.xml" });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Feeds_AddListPauseResumeDelete_RoundTrips()
    {
        // Act
        var created = await _client.PostAsJsonAsync("/feeds", new { url = "https://harbour.example.org/feed.xml", interval = "00:10:00" });
        var feed = (await created.Content.ReadFromJsonAsync<FeedAdminEndpoints.FeedView>())!;
        var listed = await _client.GetFromJsonAsync<List<FeedAdminEndpoints.FeedView>>("/feeds");
        var paused = await (await _client.PostAsync($"/feeds/{feed.Id}/pause", null)).Content.ReadFromJsonAsync<FeedAdminEndpoints.FeedView>();
        var resumed = await (await _client.PostAsync($"/feeds/{feed.Id}/resume", null)).Content.ReadFromJsonAsync<FeedAdminEndpoints.FeedView>();
        var deleted = await _client.DeleteAsync($"/feeds/{feed.Id}");
        var deletedAgain = await _client.DeleteAsync($"/feeds/{feed.Id}");
        var listedAfter = await _client.GetFromJsonAsync<List<FeedAdminEndpoints.FeedView>>("/feeds");

        // Assert
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        feed.Id.ShouldBe(FeedIds.For("https://harbour.example.org/feed.xml"));
        feed.Interval.ShouldBe(TimeSpan.FromMinutes(10));
        listed.ShouldNotBeNull().Single().Url.ShouldBe("https://harbour.example.org/feed.xml");
        paused.ShouldNotBeNull().Paused.ShouldBeTrue();
        resumed.ShouldNotBeNull().Paused.ShouldBeFalse();
        (deleted.StatusCode, deletedAgain.StatusCode).ShouldBe((HttpStatusCode.NoContent, HttpStatusCode.NotFound));
        listedAfter.ShouldNotBeNull().ShouldBeEmpty();
    }

    [Theory]
    [InlineData("file:///etc/passwd")]
    [InlineData("not a url")]
    public async Task Feeds_AddNonHttpUrl_IsABadRequest(string url)
    {
        // Act
        var response = await _client.PostAsJsonAsync("/feeds", new { url });

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("00:00:00.100", HttpStatusCode.Created)]
    [InlineData("00:00:00.099", HttpStatusCode.BadRequest)]
    [InlineData("1.00:00:00", HttpStatusCode.Created)]
    [InlineData("1.00:00:01", HttpStatusCode.BadRequest)]
    public async Task Feeds_AddWithInterval_AcceptsWhatTheConfigurationAccepts(string interval, HttpStatusCode expected)
    {
        // Arrange (the configuration takes 100 ms up to MaxPollInterval, 1 day by default; POST /feeds refused under 1 s)
        var configured = new FetcherOptions { Feeds = [new FeedSourceOptions { Url = "https://news.example.org/feed.xml", Interval = TimeSpan.Parse(interval, CultureInfo.InvariantCulture) }] };
        var configurationAccepts = configured.Validate(new ValidationContext(configured)).Any() ? HttpStatusCode.BadRequest : HttpStatusCode.Created;

        // Act
        using var response = await _client.PostAsJsonAsync("/feeds", new { url = "https://news.example.org/feed.xml", interval });

        // Assert
        (response.StatusCode, configurationAccepts).ShouldBe((expected, expected));
    }

    [Fact]
    public async Task Feeds_PauseUnknownFeed_IsNotFound()
    {
        // Act
        var response = await _client.PostAsync("/feeds/0123456789abcdef/pause", null);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
