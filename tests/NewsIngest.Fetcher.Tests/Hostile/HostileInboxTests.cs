using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Inbox;
using NewsIngest.Fetcher.Tests.Polling;

namespace NewsIngest.Fetcher.Tests.Hostile;

/// <summary>Issue 10, rows 7 and 10: a real inbox folder with links and hostile names.</summary>
public sealed class HostileInboxTests : IDisposable
{
    private readonly string _inbox = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"inbox-hostile-{Guid.NewGuid():N}")).FullName;
    private readonly RecordingPublisher _published = new();
    private readonly FakeLogger<InboxScanner> _logger = new();

    [Fact]
    public async Task ScanAsync_SymlinkToPasswd_IsRejectedUnreadWithOneWarning()
    {
        // Arrange
        File.CreateSymbolicLink(Path.Combine(_inbox, "passwd.txt"), "/etc/passwd");

        // Act
        var published = await Scanner().ScanAsync(CancellationToken.None);

        // Assert
        published.ShouldBe(0);
        _published.Items.ShouldBeEmpty();
        var warning = _logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        warning.Level.ShouldBe(LogLevel.Warning);
        warning.Message.ShouldBe("Rejected inbox file passwd.txt: symbolic link (only regular files are read)");
        File.Exists("/etc/passwd").ShouldBeTrue(); // the link moved away, not its target
        new FileInfo(Path.Combine(_inbox, ".rejected", "passwd.txt")).LinkTarget.ShouldBe("/etc/passwd");
    }

    [Fact]
    public async Task ScanAsync_DanglingSymlink_OneWarningThenTheNextFileIsRead()
    {
        // Arrange
        File.CreateSymbolicLink(Path.Combine(_inbox, "a-dangling.txt"), Path.Combine(_inbox, "nowhere"));
        File.WriteAllText(Path.Combine(_inbox, "b-wire.txt"), "Harbour Bulletin\nThe ferry runs again.\n");
        var scanner = Scanner(move: false);

        // Act
        var first = await scanner.ScanAsync(CancellationToken.None);
        var second = await scanner.ScanAsync(CancellationToken.None);

        // Assert
        first.ShouldBe(1);
        second.ShouldBe(0);
        _published.Items.ShouldHaveSingleItem().Origin.ShouldBe("inbox:b-wire.txt");
        var warning = _logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        warning.Message.ShouldBe("Rejected inbox file a-dangling.txt: symbolic link (only regular files are read)");
    }

    [Fact]
    public async Task ScanAsync_FileNameWithNewlineAndEscape_StrippedInLogAndOrigin()
    {
        // Arrange
        var name = "x\n[FTL] forged\u001b[31m.txt";
        File.WriteAllText(Path.Combine(_inbox, name), "Harbour Bulletin\nThe ferry runs again.\n");
        File.WriteAllBytes(Path.Combine(_inbox, "y\r\nforged.txt"), []);

        // Act
        await Scanner().ScanAsync(CancellationToken.None);

        // Assert
        _published.Items.ShouldHaveSingleItem().Origin.ShouldBe("inbox:x [FTL] forged[31m.txt");
        var warning = _logger.Collector.GetSnapshot().ShouldHaveSingleItem();
        warning.Message.ShouldBe("Rejected inbox file y forged.txt: empty file");
        warning.Message.ShouldNotContain('\n');
    }

    public void Dispose() => Directory.Delete(_inbox, recursive: true);

    private InboxScanner Scanner(bool move = true) => new(
        _published,
        Options.Create(new FetcherOptions { InboxPath = _inbox, MoveProcessedFiles = move }),
        _logger);
}
