using System.Text;
using NewsIngest.Parser.Extraction;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class ArticleExtractorRobustnessTests
{
    private const int Levels = 100_000;
    private readonly ArticleExtractor _extractor = new();

    [Theory]
    [InlineData("div", true)]
    [InlineData("div", false)]
    [InlineData("span", true)]
    [InlineData("blockquote", true)]
    public void Extract_PageNested100000Levels_ReturnsWithoutCrashing(string tag, bool closed)
    {
        // Arrange
        var sb = new StringBuilder();
        sb.Append("<html><body>");
        sb.Insert(sb.Length, $"<{tag}>", Levels);
        sb.Append("<p>").Append(SamplePages.StoryParagraphs[0]).Append("</p><p>").Append(SamplePages.StoryParagraphs[1]).Append("</p>");
        if (closed)
        {
            sb.Insert(sb.Length, $"</{tag}>", Levels);
        }

        sb.Append("</body></html>");

        // Act
        var article = _extractor.Extract(sb.ToString(), null);

        // Assert
        article.Text.ShouldContain("Easthaven");
    }

    [Fact]
    public void Extract_TenMegabytePage_FindsArticleWithinBoundedAllocation()
    {
        // Arrange
        var sb = new StringBuilder();
        sb.Append("<html><head><title>Big page</title></head><body>");
        while (sb.Length < 10_000_000)
        {
            sb.Append("<div class=\"sidebar\"><ul><li><a href=\"/x\">Another link in a very long list of links</a></li></ul></div>");
            sb.Append("<script>var filler = '").Append('x', 2000).Append("';</script>");
        }

        sb.Append("<article>").Append(string.Concat(SamplePages.StoryParagraphs.Select(p => $"<p>{p}</p>"))).Append("</article></body></html>");
        var html = sb.ToString();
        var before = GC.GetAllocatedBytesForCurrentThread();

        // Act
        var article = _extractor.Extract(html, null);

        // Assert
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        article.Paragraphs.ShouldBe(SamplePages.StoryParagraphs);
        allocated.ShouldBeLessThan(html.Length * 2L * 20, "allocation should stay a small multiple of the page size");
    }

    [Theory]
    [InlineData("")]
    [InlineData("<html><body><nav><a href=\"/\">Home</a> <a href=\"/news\">News</a></nav></body></html>")]
    [InlineData("<html><body><div><img src=\"a.jpg\"><img src=\"b.jpg\"></div></body></html>")]
    [InlineData("plain < text & broken <tags")]
    public void Extract_PageWithoutArticle_GivesReasonNotException(string html)
    {
        // Act
        var article = _extractor.Extract(html, null);

        // Assert
        article.NoArticleReason.ShouldNotBeNullOrWhiteSpace();
        article.Paragraphs.ShouldBeEmpty();
        article.Text.ShouldBeEmpty();
        article.Html.ShouldBeNull();
    }

    [Fact]
    public void Extract_MalformedMarkup_StillFindsText()
    {
        // Arrange
        var html = "<html><body><div><p>" + SamplePages.StoryParagraphs[0] + "<p>" + SamplePages.StoryParagraphs[1] +
                   "</span></div></td><!-- unterminated comment";

        // Act
        var article = _extractor.Extract(html, null);

        // Assert
        article.Paragraphs.ShouldBe(SamplePages.StoryParagraphs.Take(2));
    }

    [Fact]
    public void Extract_SameExtractorFromManyThreads_GivesSameResult()
    {
        // Arrange
        var html = SamplePages.Story();
        var expected = _extractor.Extract(html, null).Text;

        // Act
        var results = new string[32];
        Parallel.For(0, results.Length, i => results[i] = _extractor.Extract(html, null).Text);

        // Assert
        results.ShouldAllBe(r => r == expected);
    }

    [Fact]
    public void Extract_JsonLdWithLoneSurrogate_IgnoresTheBlockAndKeepsTheText()
    {
        // Arrange
        var head = "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"bad \uD800\"}</script>";

        // Act
        var article = _extractor.Extract(SamplePages.Story(head: head), null);

        // Assert
        article.Title.ShouldBe("Easthaven votes for a new ferry");
        article.Paragraphs.ShouldBe(SamplePages.StoryParagraphs);
    }

    [Fact]
    public void Extract_HugeArticle_KeepsEveryParagraphAndListItemInTextAndHtml()
    {
        // Arrange: ~2 MB of distinct paragraphs and one long list, so the body HTML is sanitised in several pieces.
        var sb = new StringBuilder("<html><body><article>");
        for (var i = 0; i < 8000; i++)
        {
            sb.Append("<p>Crossing number ").Append(i).Append(" left the island pier on time, the harbour office reported, with cars and foot passengers aboard.</p>");
        }

        sb.Append("<ul>");
        for (var i = 0; i < 3000; i++)
        {
            sb.Append("<li>Timetable entry ").Append(i).Append(", departing from the east quay</li>");
        }

        sb.Append("</ul></article></body></html>");

        // Act
        var article = _extractor.Extract(sb.ToString(), null);

        // Assert
        article.Paragraphs.Count.ShouldBe(11_000);
        article.Html.ShouldNotBeNull();
        article.Html.ShouldContain("<p>Crossing number 0 left");
        article.Html.ShouldContain("<p>Crossing number 7999 left");
        article.Html.ShouldContain("<li>Timetable entry 2999, departing from the east quay</li></ul>");
        (article.Html.Split("<li>").Length - 1).ShouldBe(3000);
    }
}
