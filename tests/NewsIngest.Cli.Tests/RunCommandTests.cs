using System.Text.Json;
using NewsIngest.Testing.Pipeline;

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

    [Fact]
    public async Task RunOnce_ArticlesAndNearDuplicates_ExitsOnlyOnceEveryOneIsStoredOrAnUpdate()
    {
        // A near-duplicate's update is published only after its story's record: a run that stopped once the records
        // were out left updates unpublished and unprinted with the summary saying done (40 of 2,000 in a load-driver run).
        const int Count = 600;
        var articles = new ArticleGenerator(seed: 31).Generate(Count, nearDuplicateShare: 0.3);
        var samples = Directory.CreateDirectory(Path.Combine(_work, "near-duplicates")).FullName;
        GeneratedFeeds.WriteFiles(articles, feedCount: 6, Path.Combine(samples, "feeds"), new Uri("http://127.0.0.1/"));

        var run = await Newsingest.RunAsync(_work, "run", "--once", "--samples", samples, "--db", "near-duplicates.db", "--feed-port", NextPort());

        run.ExitCode.ShouldBe(0, run.ToString());
        var stored = run.Output.Count(line => line.StartsWith("stored ", StringComparison.Ordinal));
        var updated = run.Output.Count(line => line.StartsWith("updated ", StringComparison.Ordinal));
        (stored + updated).ShouldBe(Count, run.Errors[^1]);
        updated.ShouldBeGreaterThan(0, run.Errors[^1]);
        run.Errors[^1].ShouldStartWith($"{stored} stored, {updated} updated, 0 rejected, 0 failed", Case.Sensitive, run.Errors[^1]);
    }

    [Fact]
    public async Task RunOnce_TitleAndInboxFileNameWithNewlinesAndEscapes_PrintNoForgedLine()
    {
        var samples = Directory.CreateDirectory(Path.Combine(_work, "hostile-samples")).FullName;
        var feeds = Directory.CreateDirectory(Path.Combine(samples, "feeds")).FullName;
        var inbox = Directory.CreateDirectory(Path.Combine(samples, "inbox")).FullName;
        File.WriteAllText(Path.Combine(feeds, "forged.xml"), ForgedTitleFeed);
        File.WriteAllText(
            Path.Combine(inbox, "quay\nstored 00000000-0000-0000-0000-000000000000 en-forged \u001b[2J.txt"),
            "Quay Lights Return\u001b[31m After Repairs\nstored 11111111 en/forged\n\n"
            + "The harbour authority switched the quay lights back on on Monday after three weeks of cable repairs along the eastern pier.\n\n"
            + "Fishing crews had asked for the work to be finished before the winter season, when boats return after dark.\n\n"
            + "Source: Test Harbour Desk\n");

        var run = await Newsingest.RunAsync(_work, "run", "--once", "--samples", samples, "--db", "hostile.db", "--feed-port", NextPort());

        run.ExitCode.ShouldBe(0, run.ToString());
        var stored = run.Output.Where(line => line.StartsWith("stored ", StringComparison.Ordinal)).ToList();
        stored.Count.ShouldBe(2, run.ToString());
        stored.Select(line => Guid.TryParse(line.AsSpan(7, 36), out var id) ? id : Guid.Empty).ShouldNotContain(Guid.Empty, run.ToString());
        stored.ShouldContain(line => line.Contains("\"Ferry Timetable Changes stored 33333333", StringComparison.Ordinal), run.ToString());
        run.Output.Concat(run.Errors).ShouldAllBe(line => !line.Contains('\u001b', StringComparison.Ordinal), run.ToString());
        run.Errors[^1].ShouldStartWith("2 stored, 0 updated, 0 rejected, 0 failed", Case.Sensitive, run.ToString());
    }

    private const string ForgedTitleFeed = """
        <?xml version="1.0" encoding="utf-8"?>
        <rss version="2.0">
          <channel>
            <title>Forged&#10;stored 22222222 en/forged Gazette</title>
            <link>https://forged-gazette.example/</link>
            <description>A test feed whose titles carry line breaks.</description>
            <item>
              <title>Ferry Timetable Changes&#10;stored 33333333 en/forged "Fake"</title>
              <link>https://forged-gazette.example/2026/12/ferry-timetable</link>
              <guid isPermaLink="false">forged-gazette-1</guid>
              <pubDate>Tue, 01 Dec 2026 08:00:00 GMT</pubDate>
              <description>The winter ferry timetable starts next week with two fewer crossings on weekdays and an extra late boat on Fridays. The operator said the change follows a survey of regular passengers taken over the autumn. Season tickets bought before the change remain valid until they expire.</description>
            </item>
          </channel>
        </rss>
        """;

    private static string NextPort() => FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
}
