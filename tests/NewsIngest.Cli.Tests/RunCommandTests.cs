using System.Text.Json;

namespace NewsIngest.Cli.Tests;

/// <summary><c>newsingest run --once</c> leaves a database a newcomer can look at, and says where it is.</summary>
public sealed class RunCommandTests : IAsyncLifetime
{
    private readonly string _work = TestDirectory.Create("cli-run");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await TestDirectory.DeleteAsync(_work);

    [Fact]
    public async Task RunOnce_BundledSamples_SaysWhereTheDatabaseIsAndArticlesListsItsRecords()
    {
        var feedPort = NextPort();

        var run = await Newsingest.RunAsync(_work, "run", "--once", "--feed-port", feedPort);

        var database = Path.Combine(_work, "newsingest.db");
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Errors.ShouldContain($"newsingest: storing into {database}", run.ToString());
        run.Output.Count(line => line.StartsWith("stored ", StringComparison.Ordinal)).ShouldBe(6, run.ToString());
        run.Errors[^1].ShouldStartWith("6 stored, 0 updated, 0 rejected, 0 failed; records in " + database, Case.Sensitive, run.ToString());

        var articles = await Newsingest.RunAsync(_work, "articles", "--db", database);
        articles.ExitCode.ShouldBe(0, articles.ToString());
        articles.Output[0].ShouldStartWith("STORED", Case.Sensitive, articles.ToString());
        articles.Output.Count.ShouldBe(7, articles.ToString());
        articles.Output.ShouldContain(line => line.Contains("Harbour Bridge Reopens", StringComparison.Ordinal));

        var json = await Newsingest.RunAsync(_work, "articles", "--json", "--search", "Harbour Bridge");
        json.ExitCode.ShouldBe(0, json.ToString());
        using var page = JsonDocument.Parse(string.Join('\n', json.Output));
        var item = page.RootElement.GetProperty("items").EnumerateArray().ShouldHaveSingleItem();
        var id = item.GetProperty("articleId").GetString()!;

        var story = await Newsingest.RunAsync(_work, "stories", id);
        story.ExitCode.ShouldBe(0, story.ToString());
        story.Output[0].ShouldStartWith($"story {id}: \"Harbour Bridge Reopens", Case.Sensitive, story.ToString());
    }

    [Fact]
    public async Task RunOnce_SameDatabaseTwice_StoresNothingTheSecondTime()
    {
        var feedPort = NextPort();
        (await Newsingest.RunAsync(_work, "run", "--once", "--db", "again.db", "--feed-port", feedPort)).ExitCode.ShouldBe(0);

        var second = await Newsingest.RunAsync(_work, "run", "--once", "--db", "again.db", "--feed-port", feedPort);

        second.ExitCode.ShouldBe(0, second.ToString());
        second.Output.ShouldNotContain(line => line.StartsWith("stored ", StringComparison.Ordinal) || line.StartsWith("updated ", StringComparison.Ordinal), second.ToString());
        second.Errors[^1].ShouldStartWith("0 stored, 0 updated, 0 rejected, 0 failed", Case.Sensitive, second.ToString());
    }

    [Fact]
    public async Task RunOnce_AFeedThatFails_CountsItAndExitsOne()
    {
        var samples = Directory.CreateDirectory(Path.Combine(_work, "samples")).FullName;
        Directory.CreateDirectory(Path.Combine(samples, "feeds"));
        File.WriteAllText(Path.Combine(samples, "feeds", "broken.xml"), "<html><body>This page is not a feed.</body></html>");

        var run = await Newsingest.RunAsync(_work, "run", "--once", "--samples", samples, "--db", "failed.db", "--feed-port", NextPort());

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Errors[^1].ShouldStartWith("0 stored, 0 updated, 0 rejected, 1 failed", Case.Sensitive, run.ToString());
    }

    private static string NextPort() => FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
