using System.Text.Json;
using NewsIngest.Parser.Extraction;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class BatchExtractionTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("extraction-batch-").FullName;

    [Fact]
    public void Run_ListOfPages_WritesOneCamelCaseJsonPerId()
    {
        // Arrange
        File.WriteAllText(Path.Combine(_dir, "a.html"), SamplePages.Story(head: """<meta name="author" content="Mara Lindqvist">"""));
        File.WriteAllText(Path.Combine(_dir, "b.html"), "<html><body><nav><a href=\"/\">Home</a></nav></body></html>");
        var list = Path.Combine(_dir, "list.tsv");
        File.WriteAllLines(list, ["one\ta.html\thttps://gazette.example/2021/03/14/ferry", "two\tb.html\t"]);
        var outDir = Path.Combine(_dir, "out");

        // Act
        var count = BatchExtraction.Run(list, outDir).Written;

        // Assert
        count.ShouldBe(2);
        using var one = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "one.json")));
        var root = one.RootElement;
        root.GetProperty("title").GetString().ShouldBe("Easthaven votes for a new ferry");
        root.GetProperty("authors")[0].GetString().ShouldBe("Mara Lindqvist");
        root.GetProperty("published").GetString().ShouldStartWith("2021-03-14");
        root.GetProperty("text").GetString().ShouldBe(string.Join("\n\n", SamplePages.StoryParagraphs));
        root.GetProperty("html").GetString().ShouldStartWith("<p>");
        foreach (var name in new[] { "modified", "canonicalUrl", "siteName", "description", "leadImage", "tags", "language" })
        {
            root.TryGetProperty(name, out _).ShouldBeTrue(name);
        }

        using var two = JsonDocument.Parse(File.ReadAllText(Path.Combine(outDir, "two.json")));
        two.RootElement.GetProperty("text").GetString().ShouldBeEmpty();
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
