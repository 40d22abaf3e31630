using NewsIngest.Parser.Extraction.Evaluation;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>
/// Runs the extractor over both dev sets kept beside the repository (<c>../shared/aeb-dev</c>, the article-extraction
/// benchmark's pages, and <c>../shared/readability-dev</c>, Mozilla Readability's regression pages with metadata) and
/// checks body F1, the number of badly missed pages and metadata accuracy against committed floors. The floors sit a
/// little under the measured figures (in the comments) so a trade-off shows up here rather than on held-out pages.
/// </summary>
public sealed class DevSetSuiteTests(ITestOutputHelper output)
{
    [Fact]
    public void Extract_AebDevPages_ReachesFloors()
    {
        // Arrange
        var folder = DevSet("aeb-dev");

        // Act
        var pages = DevSetEvaluation.Run(folder);
        var result = DevSetEvaluation.Aggregate(pages);
        output.WriteLine(DevSetEvaluation.Report(pages));

        // Assert: measured F1 0.989 (P 0.985, R 0.992), no page below 0.9.
        pages.Count.ShouldBeGreaterThanOrEqualTo(50);
        result.F1.ShouldBeGreaterThanOrEqualTo(0.980);
        BelowHalf(pages).ShouldBeEmpty();
    }

    [Fact]
    public void Extract_ReadabilityDevPages_ReachesFloors()
    {
        // Arrange
        var folder = DevSet("readability-dev");

        // Act
        var pages = DevSetEvaluation.Run(folder);
        var result = DevSetEvaluation.Aggregate(pages);
        output.WriteLine(DevSetEvaluation.Report(pages));

        // Assert: measured F1 0.963 (P 0.984, R 0.943); below 0.5 only a section front that says it holds no article
        // (nytimes-5). A short fable whose gold keeps the page's column of link boxes (hukumusume) scores 0.500.
        pages.Count.ShouldBeGreaterThanOrEqualTo(120);
        result.F1.ShouldBeGreaterThanOrEqualTo(0.955);
        BelowHalf(pages).ShouldBe(["nytimes-5"]);
    }

    [Fact]
    public void ExtractMetadata_ReadabilityDevPages_ReachesAccuracyFloors()
    {
        // Arrange
        var pages = DevSetEvaluation.Run(DevSet("readability-dev"));

        // Act
        var title = DevSetEvaluation.Accuracy(pages, "title");
        var byline = DevSetEvaluation.Accuracy(pages, "byline");
        var published = DevSetEvaluation.Accuracy(pages, "published");
        var language = DevSetEvaluation.Accuracy(pages, "language");
        output.WriteLine($"title={title} byline={byline} published={published} language={language}");

        // Assert: measured title 0.975, byline 0.855, published 1.000, language 1.000.
        title.Accuracy.ShouldBeGreaterThanOrEqualTo(0.95);
        byline.Accuracy.ShouldBeGreaterThanOrEqualTo(0.85);
        published.Accuracy.ShouldBeGreaterThanOrEqualTo(0.95);
        language.Accuracy.ShouldBeGreaterThanOrEqualTo(0.95);
    }

    private static List<string> BelowHalf(IReadOnlyList<DevPageScore> pages) =>
        pages.Where(p => ShingleScore.PageF1(p.Body) < 0.5).Select(p => p.Id).ToList();

    /// <summary>A dev set beside the repository (<c>../shared/NAME</c>); missing, the test fails.</summary>
    private static string DevSet(string name)
    {
        var devSet = Path.Combine(RepositoryPaths.SharedData, name);
        return File.Exists(Path.Combine(devSet, "ground-truth.json"))
            ? devSet
            : throw new DirectoryNotFoundException($"{devSet} with ground-truth.json not found");
    }
}
