using System.Net;
using System.Net.Sockets;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// Every error a newcomer meets is one line on stderr (<c>newsingest: …</c>) that names the thing and the fix, with the
/// documented exit code (2 usage/config, 3 no article / not a feed / binary, 1 failure) — never a stack trace.
/// </summary>
public sealed class CliErrorTests : IAsyncLifetime
{
    private readonly string _work = TestDirectory.Create("cli-errors");

    public ValueTask InitializeAsync()
    {
        File.WriteAllBytes(Path.Combine(_work, "binary.dat"), [.. Enumerable.Range(0, 4096).Select(i => (byte)(i % 7 == 0 ? 0 : i % 256))]);
        File.WriteAllText(Path.Combine(_work, "feed.xml"), File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy", "samples", "feeds", "coastal-gazette.xml")));
        File.WriteAllText(Path.Combine(_work, "not-a-database.db"), "plain text, not SQLite");
        File.WriteAllText(Path.Combine(_work, "article.txt"), "Harbour Works Begin\n\nThe harbour works begin on Monday.\n");
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await TestDirectory.DeleteAsync(_work);

    [Theory]
    [InlineData(2, "no such file", "parse", "missing.txt")]
    [InlineData(2, "is a directory", "parse", ".")]
    [InlineData(2, "parse needs a FILE", "parse")]
    [InlineData(2, "--batch needs --out", "parse", "--batch", "list.tsv")]
    [InlineData(2, "--url must be an absolute http or https URL", "parse", "article.txt", "--url", "not a url")]
    [InlineData(2, "'text'", "parse", "article.txt", "--format", "bogus")]
    [InlineData(3, "looks binary", "parse", "binary.dat", "--format", "html")]
    [InlineData(3, "looks binary", "enrich", "binary.dat")]
    [InlineData(3, "is a feed, not an article", "enrich", "feed.xml")]
    [InlineData(2, "no such samples folder", "run", "--once", "--samples", "/nonexistent-samples")]
    [InlineData(2, "no such database", "articles", "--db", "missing.db")]
    [InlineData(2, "is not a NewsIngest database", "articles", "--db", "not-a-database.db")]
    [InlineData(2, "--amqp must be an amqp:// or amqps:// URI", "tail", "--amqp", "http://localhost:5672/")]
    [InlineData(2, "unknown command 'frobnicate'; the commands are run, parse", "frobnicate")]
    [InlineData(2, "Required argument missing", "stories")]
    public async Task Command_WrongInput_PrintsOneLineAndItsExitCode(int exitCode, string message, params string[] arguments)
    {
        var run = await Newsingest.RunAsync(_work, arguments);

        run.ExitCode.ShouldBe(exitCode, run.ToString());
        run.Errors.Count.ShouldBe(1, run.ToString());
        run.Errors[0].ShouldStartWith("newsingest: ", Case.Sensitive, run.ToString());
        run.Errors[0].ShouldContain(message, Case.Sensitive, run.ToString());
        run.Output.ShouldBeEmpty(run.ToString());
    }

    [Fact]
    public async Task Tail_NoBrokerListening_PrintsOneLineAndExitsOne()
    {
        var port = ClosedPort();

        var run = await Newsingest.RunAsync(_work, "tail", "--amqp", $"amqp://guest:guest@127.0.0.1:{port}/");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldHaveSingleItem(run.ToString()).ShouldContain("cannot reach the broker");
    }

    [Fact]
    public async Task Verbose_OnAnError_AddsTheTrace()
    {
        var run = await Newsingest.RunAsync(_work, "tail", "--amqp", $"amqp://guest:guest@127.0.0.1:{ClosedPort()}/", "--verbose");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.Count.ShouldBeGreaterThan(1, run.ToString());
        run.Errors.ShouldContain(line => line.Contains("   at ", StringComparison.Ordinal), run.ToString());
    }

    [Fact]
    public async Task ParseBatch_OneLineMissing_ReportsItSummarisesAndExitsOne()
    {
        var page = Path.Combine(_work, "page.html");
        File.WriteAllText(page, "<html><head><title>Quay Opens</title></head><body><article><h1>Quay Opens</h1><p>"
            + string.Join(' ', Enumerable.Repeat("The new quay opened to ferries and fishing boats on a bright morning.", 12)) + "</p></article></body></html>");
        File.WriteAllText(Path.Combine(_work, "list.tsv"), $"one\tpage.html\thttps://news.example/one\ntwo\tgone.html\thttps://news.example/two\nthree\tpage.html\n");

        var run = await Newsingest.RunAsync(_work, "parse", "--batch", "list.tsv", "--out", "out");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors.ShouldContain(line => line.StartsWith("newsingest: list.tsv line 2:", StringComparison.Ordinal), run.ToString());
        run.Errors[^1].ShouldBe($"2 pages extracted to {Path.Combine(_work, "out")}, 1 failed", run.ToString());
        File.Exists(Path.Combine(_work, "out", "one.json")).ShouldBeTrue();
        File.Exists(Path.Combine(_work, "out", "three.json")).ShouldBeTrue();
    }

    [Fact]
    public async Task Parse_NoFormatGiven_DetectsAFeedFromItsBytes()
    {
        File.Copy(Path.Combine(_work, "feed.xml"), Path.Combine(_work, "feed-without-extension"));

        var run = await Newsingest.RunAsync(_work, "parse", "feed-without-extension");

        run.ExitCode.ShouldBe(0, run.ToString());
        string.Join('\n', run.Output).ShouldContain("\"items\"", Case.Insensitive);
    }

    [Fact]
    public async Task Parse_TextThatIsNotUtf8_WarnsThatItWasReadAsWindows1252()
    {
        File.WriteAllBytes(Path.Combine(_work, "latin.txt"), [.. "Caf"u8, 0xE9, .. " Opens Downtown\n\nThe caf"u8, 0xE9, .. " opened on Monday with a long queue outside.\n"u8]);

        var run = await Newsingest.RunAsync(_work, "parse", "latin.txt");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Errors.ShouldContain(line => line.Contains("is not valid UTF-8", StringComparison.Ordinal), run.ToString());
        string.Join('\n', run.Output).ShouldContain("Café Opens Downtown");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when the listener is disposed
    }
}
