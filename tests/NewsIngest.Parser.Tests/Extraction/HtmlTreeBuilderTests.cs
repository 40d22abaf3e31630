using NewsIngest.Parser.Extraction;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>The page tree's node cap (<see cref="HtmlTreeBuilder.MaxNodes"/>): hostile pages stop at it, real pages stay far below.</summary>
public sealed class HtmlTreeBuilderTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("<p><li>")]
    [InlineData("<p>x")]
    [InlineData("<img>")]
    [InlineData("x<br>")]
    public void Parse_EightMegabytesOfElements_StopsAtTheNodeCapAndSaysWhere(string pattern)
    {
        // Arrange
        var html = LinearTime.Repeat(pattern, 8);

        // Act
        var doc = HtmlTreeBuilder.Parse(html);

        // Assert
        doc.NodeCount.ShouldBe(HtmlTreeBuilder.MaxNodes);
        doc.Truncation.ShouldNotBeNull().ShouldStartWith("the page's tree reached 250,000 nodes at character ");
        doc.Truncation.ShouldEndWith($" of {html.Length:N0}; the rest was not read");
    }

    [Fact]
    public void Parse_DevSetPages_AreReadWholeFarUnderTheNodeCap()
    {
        // Arrange
        var pages = new[] { "aeb-dev", "readability-dev" }
            .SelectMany(set => Directory.EnumerateFiles(Path.Combine(RepositoryPaths.SharedData, set, "pages"), "*.html"))
            .ToList();

        // Act
        var trees = pages.Select(page => (Page: Path.GetFileName(page), Doc: HtmlTreeBuilder.Parse(File.ReadAllText(page)))).ToList();
        var largest = trees.MaxBy(tree => tree.Doc.NodeCount);
        output.WriteLine($"{trees.Count} pages; largest tree {largest.Doc.NodeCount:N0} nodes ({largest.Page})");

        // Assert: a tenth of the cap at most, and no page read in part.
        pages.Count.ShouldBeGreaterThanOrEqualTo(170);
        trees.ShouldAllBe(tree => tree.Doc.Truncation == null);
        largest.Doc.NodeCount.ShouldBeLessThan(HtmlTreeBuilder.MaxNodes / 10);
    }
}
