using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using NewsIngest.Fetcher.Admin;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Tests.Admin;

public sealed class FeedAdminEndpointsTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(new FeedStateStore(StateDialect.Memory()));
        _app = builder.Build();
        _app.MapFeedAdmin();
        await _app.Services.GetRequiredService<FeedStateStore>().MigrateAsync(CancellationToken.None);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        _client = new HttpClient { BaseAddress = new Uri(address) };
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        await _app.DisposeAsync();
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

    [Fact]
    public async Task Feeds_PauseUnknownFeed_IsNotFound()
    {
        // Act
        var response = await _client.PostAsync("/feeds/0123456789abcdef/pause", null);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
