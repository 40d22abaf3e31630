using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Http;

namespace NewsIngest.Fetcher.Tests.Http;

public sealed class HostGatesTests
{
    [Fact]
    public async Task Enter_ConcurrencyOfOne_SecondWaitsForTheFirstToLeave()
    {
        // Arrange
        var gates = Gates(concurrency: 1, delay: TimeSpan.Zero);
        var first = await gates.EnterAsync("feeds.example.org", CancellationToken.None);

        // Act
        var second = gates.EnterAsync("feeds.example.org", CancellationToken.None);
        var otherHost = await gates.EnterAsync("news.example.org", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        using var entered = await second.WaitAsync(TimeSpan.FromSeconds(5));

        // Assert
        waitedWhileHeld.ShouldBeTrue();
        otherHost.Dispose();
    }

    [Fact]
    public async Task Enter_MinimumDelay_SpacesTheStartsToOneHost()
    {
        // Arrange
        var gates = Gates(concurrency: 4, delay: TimeSpan.FromMilliseconds(150));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        // Act
        for (var i = 0; i < 3; i++)
        {
            using var slot = await gates.EnterAsync("feeds.example.org", CancellationToken.None);
        }

        // Assert: the third start waited for two delays.
        clock.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(290));
    }

    private static HostGates Gates(int concurrency, TimeSpan delay) =>
        new(Options.Create(new FetcherOptions { PerHostConcurrency = concurrency, MinHostDelay = delay }), TimeProvider.System);
}
