using System.Net;
using NewsIngest.Store.Tests.Api;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Hostile;

/// <summary>Issue 10, row 14: the query API answers only with the configured key (a real Kestrel host on 127.0.0.1).</summary>
public sealed class QueryApiKeyTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(null, "no API key")]
    [InlineData("guess", "wrong API key")]
    public async Task Stats_WithoutTheConfiguredKey_IsUnauthorizedAndLogged(string? key, string reason)
    {
        // Arrange
        await using var host = await StoreApiHost.StartAsync("postgres", database.Server, Token, apiKey: "store-query-key");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/stats");
        if (key is not null)
        {
            request.Headers.Add("X-Api-Key", key);
        }

        // Act
        using var response = await host.Client.SendAsync(request, Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        host.Logs.GetSnapshot().ShouldContain(log => log.Message == $"Refused GET /stats from 127.0.0.1: {reason}");
    }

    [Fact]
    public async Task Stats_WithTheConfiguredKey_Answers()
    {
        // Arrange
        await using var host = await StoreApiHost.StartAsync("postgres", database.Server, Token, apiKey: "store-query-key");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/stats");
        request.Headers.Add("X-Api-Key", "store-query-key");

        // Act
        using var response = await host.Client.SendAsync(request, Token);

        // Assert
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}
