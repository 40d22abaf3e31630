using System.Collections.Concurrent;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Polling;
using NewsIngest.ServiceDefaults;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Hosting;

/// <summary>
/// Hosted services start one after another in the order they were registered, and the fetcher's loops are registered
/// before the bus (as in the fetcher service and the all-in-one mode). A hosted service that is slow to start and sits
/// between them must not let the loops publish to a bus that has not started: the in-memory transport drops such a
/// message, and the inbox file was moved to <c>.processed</c> already.
/// </summary>
public sealed class FetcherStartOrderTests : IDisposable
{
    private readonly string _inbox = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"start-order-{Guid.NewGuid():N}")).FullName;

    [Fact]
    public async Task Start_SlowHostedServiceRegisteredBeforeBus_InboxFileReachesItsConsumer()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_inbox, "wire.txt"), "Harbour Bridge Reopens\n\nThe bridge reopened on Monday after six months of repairs.\n\nSource: Test Wire\n");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Messaging:Transport"] = "InMemory",
            ["Fetcher:InboxPath"] = _inbox,
            ["Fetcher:InboxScanInterval"] = "00:00:00.100",
        });
        builder.AddServiceDefaults("start-order");
        builder.AddFetcher();
        builder.Services.AddHostedService<SlowToStartService>();
        var received = new ReceivedArticles();
        builder.Services.AddSingleton(received);
        builder.AddMessaging("start-order", bus => bus.AddConsumer<RecordingConsumer>());
        using var host = builder.Build();

        // Act
        await host.StartAsync(TestContext.Current.CancellationToken);
        try
        {
            // Assert
            await Eventually.UntilAsync(() => !received.Origins.IsEmpty, TimeSpan.FromSeconds(30), "the inbox file is consumed");
            received.Origins.ShouldBe(["inbox:wire.txt"]);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    public void Dispose() => Directory.Delete(_inbox, recursive: true);

    /// <summary>Holds up the start of every hosted service after it (the bus among them) until the fetcher's loops had their first pass, or a few seconds.</summary>
    private sealed class SlowToStartService(FetchProgress progress) : IHostedService
    {
        public async Task StartAsync(CancellationToken cancellationToken)
        {
            try
            {
                await progress.FirstPassCompleted.WaitAsync(TimeSpan.FromSeconds(3), cancellationToken);
            }
            catch (TimeoutException)
            {
                // The loops wait for the bus, which starts after this service: nothing was published early.
            }
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    private sealed class ReceivedArticles
    {
        public ConcurrentQueue<string> Origins { get; } = new();
    }

    private sealed class RecordingConsumer(ReceivedArticles received) : IConsumer<ArticleFetched>
    {
        public Task Consume(ConsumeContext<ArticleFetched> context)
        {
            received.Origins.Enqueue(context.Message.Origin);
            return Task.CompletedTask;
        }
    }
}
