using NewsIngest.Parser.Text;

namespace NewsIngest.Parser.Tests.Text;

public sealed class PlainTextArticleReaderTests
{
    [Fact]
    public void Read_OneParagraphPerLine_TakesTitleParagraphsAndSource()
    {
        var article = PlainTextArticleReader.Read("Dam Opens\nThe dam opened today.\nWater flows again.\nSource: Valley News\n");

        article.Title.ShouldBe("Dam Opens");
        article.Paragraphs.ShouldBe(["The dam opened today.", "Water flows again."]);
        article.Source.ShouldBe("Valley News");
    }

    [Fact]
    public void Read_HardWrappedBlocks_JoinsLinesOfEachBlock()
    {
        var article = PlainTextArticleReader.Read("Title Here\n\nFirst line of one\nparagraph continues.\n\nSecond paragraph.\n");

        article.Paragraphs.ShouldBe(["First line of one paragraph continues.", "Second paragraph."]);
        article.Source.ShouldBeNull();
    }

    [Fact]
    public void Read_LeadingBlankLinesAndCrLf_AreIgnored()
    {
        var article = PlainTextArticleReader.Read("\r\n\r\n  Title  \r\nBody text.\r\nsource:   Wire  \r\n");

        article.Title.ShouldBe("Title");
        article.Paragraphs.ShouldBe(["Body text."]);
        article.Source.ShouldBe("Wire");
    }

    [Fact]
    public void Read_SourceWordInsideParagraph_IsNotTakenAsTrailer()
    {
        var article = PlainTextArticleReader.Read("T\nThe Source: of the river is far away, officials said.\nLast paragraph.\n");

        article.Source.ShouldBeNull();
        article.Paragraphs.Count.ShouldBe(2);
    }
}
