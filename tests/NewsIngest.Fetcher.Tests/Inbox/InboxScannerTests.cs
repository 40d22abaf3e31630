using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Inbox;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Fetcher.Tests.Inbox;

public sealed class InboxScannerTests : IDisposable
{
    private readonly string _inbox = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"inbox-test-{Guid.NewGuid():N}")).FullName;

    [Fact]
    public async Task ScanAsync_TextFile_IsPublishedWithItsBodyAndMovedToProcessed()
    {
        await using var provider = Services();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        File.WriteAllText(Path.Combine(_inbox, "a.txt"), "Title\nA paragraph.\n");

        var published = await Scanner(provider, move: true).ScanAsync(CancellationToken.None);

        published.ShouldBe(1);
        var message = (await harness.Published.SelectAsync<ArticleFetched>().First()).Context.Message;
        message.Kind.ShouldBe(ArticleSourceKind.Text);
        message.Origin.ShouldBe("inbox:a.txt");
        message.ArticleId.ShouldBe(ArticleIds.FromContent("Title\nA paragraph.\n"u8));
        await using var body = await provider.GetRequiredService<IMessageDataRepository>().Get(message.BodyAddress);
        new StreamReader(body).ReadToEnd().ShouldBe("Title\nA paragraph.\n");
        File.Exists(Path.Combine(_inbox, ".processed", "a.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task ScanAsync_EmptyAndBinaryFiles_AreRejectedNotPublished()
    {
        await using var provider = Services();
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();
        File.WriteAllBytes(Path.Combine(_inbox, "empty.txt"), []);
        File.WriteAllBytes(Path.Combine(_inbox, "image.txt"), [0x89, 0x50, 0x00, 0x01]);
        File.WriteAllText(Path.Combine(_inbox, "blank.txt"), " \n\t\n");

        var published = await Scanner(provider, move: true).ScanAsync(CancellationToken.None);

        published.ShouldBe(0);
        Directory.GetFiles(Path.Combine(_inbox, ".rejected")).Length.ShouldBe(3);
        (await harness.Published.Any<ArticleFetched>()).ShouldBeFalse();
    }

    [Fact]
    public async Task ScanAsync_InPlaceMode_ReadsEachFileOnce()
    {
        await using var provider = Services();
        await provider.GetRequiredService<ITestHarness>().Start();
        File.WriteAllText(Path.Combine(_inbox, "a.txt"), "Title\nA paragraph.\n");
        File.WriteAllText(Path.Combine(_inbox, "b.part"), "still being written");
        var scanner = Scanner(provider, move: false);

        var first = await scanner.ScanAsync(CancellationToken.None);
        var second = await scanner.ScanAsync(CancellationToken.None);

        (first, second).ShouldBe((1, 0));
        File.Exists(Path.Combine(_inbox, "a.txt")).ShouldBeTrue();
    }

    [Fact]
    public async Task ScanAsync_FileThatCannotBeRead_IsSkippedWithOneWarningAndOthersPublished()
    {
        await using var provider = Services();
        await provider.GetRequiredService<ITestHarness>().Start();
        File.CreateSymbolicLink(Path.Combine(_inbox, "a-dangling.txt"), Path.Combine(_inbox, "nowhere", "gone.txt"));
        File.WriteAllText(Path.Combine(_inbox, "b.txt"), "Title\nA paragraph.\n");
        var logger = new FakeLogger<InboxScanner>();
        var scanner = Scanner(provider, move: true, logger);

        var first = await scanner.ScanAsync(CancellationToken.None);
        var second = await scanner.ScanAsync(CancellationToken.None);

        (first, second).ShouldBe((1, 0));
        var warning = logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        warning.Level.ShouldBe(Microsoft.Extensions.Logging.LogLevel.Warning);
        warning.Message.ShouldContain("a-dangling.txt");
    }

    public void Dispose() => Directory.Delete(_inbox, recursive: true);

    private InboxScanner Scanner(IServiceProvider provider, bool move, ILogger<InboxScanner>? logger = null) => new(
        provider.GetRequiredService<FetchedItemPublisher>(),
        Options.Create(new FetcherOptions { InboxPath = _inbox, MoveProcessedFiles = move }),
        logger ?? NullLogger<InboxScanner>.Instance);

    private static ServiceProvider Services() =>
        new ServiceCollection()
            .AddLogging()
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IMessageDataRepository>(new MassTransit.MessageData.InMemoryMessageDataRepository())
            .AddSingleton(Options.Create(new MessagingOptions { Transport = MessagingTransport.InMemory }))
            .AddSingleton<BusReadiness>()
            .AddSingleton<FetchedItemPublisher>()
            .AddMassTransitTestHarness(bus => bus.DisableUsageTelemetry())
            .BuildServiceProvider(true);
}
