using System.Text.Json.Nodes;
using NewsIngest.Cli.Tests.Browser;

namespace NewsIngest.Cli.Tests;

/// <summary>
/// The page <c>newsingest run</c> serves, in a real headless Chromium: the latest stories load, a search narrows them,
/// and an opened story shows its text, entities, places and sightings. A screenshot goes under the test results.
/// </summary>
public sealed class StoryPageTests : IAsyncLifetime
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);
    private readonly string _work = TestDirectory.Create("cli-page");

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await TestDirectory.DeleteAsync(_work);

    [Fact]
    public async Task StoryPage_InChromium_ListsSearchesAndOpensAStory()
    {
        var webPort = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var feedPort = FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var run = Newsingest.Start(_work, "run", "--port", webPort, "--feed-port", feedPort);
        var ready = await run.WaitForOutputAsync(l => l.Contains("the stories are at http://", StringComparison.Ordinal), Deadline);
        var page = new Uri(ready[(ready.IndexOf("http://", StringComparison.Ordinal))..].Split(' ')[0]);
        await Eventually.UntilAsync(() => run.Lines.Count(l => l.StartsWith("stored ", StringComparison.Ordinal)) == 6, Deadline, "the samples are stored");

        await using var browser = await HeadlessChromium.StartAsync(Deadline);
        await browser.NavigateAsync(page);
        await UntilAsync(browser, "document.querySelectorAll('#stories li').length", n => (int)n! == 6, "the six sample stories are listed");

        await browser.EvaluateAsync("document.querySelector('input[name=q]').value = 'Harbour Bridge'; document.getElementById('filters').requestSubmit(); true");
        await UntilAsync(browser, "[...document.querySelectorAll('#stories li strong')].map(e => e.textContent)",
            titles => titles!.AsArray().Select(t => (string)t!).SequenceEqual(["Harbour Bridge Reopens After Six Months of Repairs"]), "the search leaves the one matching story");

        await browser.EvaluateAsync("document.querySelector('#stories li').click(); true");
        await UntilAsync(browser, "document.querySelector('#article h2')?.textContent ?? ''", title => (string)title! == "Harbour Bridge Reopens After Six Months of Repairs", "the story opens");
        var shown = (await browser.EvaluateAsync("[...document.querySelectorAll('#article h3')].map(e => e.textContent)"))!.AsArray().Select(h => (string)h!).ToList();
        shown.ShouldBe(["Entities", "Places", "Counts", "Sightings"]);
        var paragraphs = (int)(await browser.EvaluateAsync("document.querySelectorAll('#article > p').length"))!;
        paragraphs.ShouldBeGreaterThan(1);
        var entityRows = (int)(await browser.EvaluateAsync("document.querySelectorAll('#article table tr').length"))!;
        entityRows.ShouldBeGreaterThan(1, "at least one entity or place is shown in a table");

        var screenshot = await browser.ScreenshotAsync();
        var results = Environment.GetEnvironmentVariable("TEST_RESULTS_DIR") is { Length: > 0 } configured ? configured : Path.Combine(RepositoryPaths.Root, "TestResults");
        var folder = Directory.CreateDirectory(Path.Combine(results, "screenshots")).FullName;
        await File.WriteAllBytesAsync(Path.Combine(folder, "story-page.png"), screenshot);
        screenshot.Length.ShouldBeGreaterThan(10_000);
    }

    private static Task UntilAsync(HeadlessChromium browser, string expression, Func<JsonNode?, bool> accept, string because) =>
        Eventually.UntilAsync(async () => accept(await browser.EvaluateAsync(expression)), Deadline, because);
}
