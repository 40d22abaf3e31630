using System.Text;
using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Tests.Parsing;

public sealed class ArticleParsingTests
{
    private readonly ArticleParsing _parsing = new();

    [Fact]
    public void Parse_FeedItemHtml_BecomesParagraphsWithFeedAsSource()
    {
        var outcome = _parsing.Parse(new ParseRequest
        {
            Kind = ArticleSourceKind.FeedItem,
            Body = Encoding.UTF8.GetBytes("<p>First <b>bold</b> part.</p><script>alert(1)</script><div>Second<br>Third</div>"),
            Title = "Feed Title",
            FeedTitle = "Coast News",
        });

        outcome.Rejection.ShouldBeNull();
        outcome.Article!.Paragraphs.ShouldBe(["First bold part.", "Second", "Third"]);
        outcome.Article.Source.ShouldBe("Coast News");
    }

    [Fact]
    public void Parse_DeeplyNestedFeedItem_DoesNotOverflowTheStack()
    {
        var html = string.Concat(Enumerable.Repeat("<span>", 100_000)) + "deep text" + string.Concat(Enumerable.Repeat("</span>", 100_000));

        var outcome = _parsing.Parse(new ParseRequest { Kind = ArticleSourceKind.FeedItem, Body = Encoding.UTF8.GetBytes(html), Title = "Deep" });

        outcome.Article.ShouldNotBeNull().Paragraphs.ShouldBe(["deep text"]);
    }

    [Fact]
    public void Parse_PageWithoutArticle_FallsBackToTheFeedEntry()
    {
        var outcome = _parsing.Parse(new ParseRequest
        {
            Kind = ArticleSourceKind.Html,
            Body = "<html><head><title>Menu</title></head><body><nav><a href=\"/\">Home</a></nav></body></html>"u8.ToArray(),
            Url = "http://127.0.0.1/tide/notice",
            Title = "Spring Tides Flood the Harbour Road",
            FeedEntry = "<p>Spring tides flood the harbour road on Thursday.</p>"u8.ToArray(),
        });

        outcome.Article.ShouldNotBeNull().Paragraphs.ShouldBe(["Spring tides flood the harbour road on Thursday."]);
        outcome.Article.Title.ShouldBe("Spring Tides Flood the Harbour Road");
        outcome.FellBackFrom.ShouldNotBeNull().ShouldContain("no article");
    }

    [Fact]
    public void Parse_PageWithoutArticleAndNoFeedEntry_IsRejected()
    {
        var outcome = _parsing.Parse(new ParseRequest
        {
            Kind = ArticleSourceKind.Html,
            Body = "<html><body><nav><a href=\"/\">Home</a></nav></body></html>"u8.ToArray(),
            Title = "Spring Tides",
        });

        outcome.Article.ShouldBeNull();
        outcome.FellBackFrom.ShouldBeNull();
    }

    [Fact]
    public void Parse_TextWithTitleOnly_IsRejectedWithReason()
    {
        var outcome = _parsing.Parse(new ParseRequest { Kind = ArticleSourceKind.Text, Body = "Only a title\n"u8.ToArray() });

        outcome.Article.ShouldBeNull();
        outcome.Rejection.ShouldNotBeNull().ShouldContain("no article");
    }

    [Fact]
    public void Parse_SeedArticle_TakesTitleSourceAndDropsTheSourceLine()
    {
        var seed = File.ReadAllBytes(Path.Combine(RepositoryPaths.SharedData, "samples", "seed-article.txt"));

        var article = _parsing.Parse(new ParseRequest { Kind = ArticleSourceKind.Text, Body = seed }).Article.ShouldNotBeNull();

        article.Title.ShouldBe("ISIS Is Gaining Influence In Pakistan");
        article.Source.ShouldBe("mangoobaz");
        article.Paragraphs.Count.ShouldBeGreaterThan(5);
        article.Paragraphs.ShouldAllBe(p => !p.StartsWith("Source:", StringComparison.Ordinal));
    }
}
