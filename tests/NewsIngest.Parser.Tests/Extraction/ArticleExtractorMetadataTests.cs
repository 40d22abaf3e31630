using NewsIngest.Parser.Extraction;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class ArticleExtractorMetadataTests
{
    private static readonly Uri PageUrl = new("https://gazette.example/news/2021/03/14/easthaven-ferry");
    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Extract_JsonLdNewsArticleInGraph_ReadsAllFields()
    {
        // Arrange
        const string jsonLd = """
            <script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"Organization","@id":"#org","name":"Harbour Gazette"},
              {"@type":"Person","@id":"#p1","name":"Mara Lindqvist"},
              {"@type":"NewsArticle","headline":"Ferry vote &amp; what comes next","author":[{"@id":"#p1"},{"@type":"Person","name":"Tom Okafor"}],
               "datePublished":"2021-03-14T09:30:00+01:00","dateModified":"2021-03-15T08:00:00Z","publisher":{"@id":"#org"},
               "image":{"@type":"ImageObject","url":"https://gazette.example/img/ferry.jpg"},"keywords":"ferries, Easthaven",
               "description":"The council chose a battery ferry.","inLanguage":"en"}
            ]}
            </script>
            """;

        // Act
        var article = _extractor.Extract(SamplePages.Story(head: jsonLd), PageUrl);

        // Assert
        article.Title.ShouldBe("Ferry vote & what comes next");
        article.Authors.ShouldBe(["Mara Lindqvist", "Tom Okafor"]);
        article.Published.ShouldBe(new DateTimeOffset(2021, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)));
        article.Modified.ShouldBe(new DateTimeOffset(2021, 3, 15, 8, 0, 0, TimeSpan.Zero));
        article.SiteName.ShouldBe("Harbour Gazette");
        article.LeadImage.ShouldBe("https://gazette.example/img/ferry.jpg");
        article.Tags.ShouldBe(["ferries", "Easthaven"]);
        article.Description.ShouldBe("The council chose a battery ferry.");
    }

    [Fact]
    public void Extract_OpenGraphMeta_ReadsTitleSiteImageDescriptionAndDates()
    {
        // Arrange
        const string head = """
            <meta property="og:title" content="Easthaven picks a battery ferry">
            <meta property="og:site_name" content="Harbour Gazette">
            <meta property="og:image" content="/img/og.jpg">
            <meta property="og:description" content="A new ferry for the island commuters.">
            <meta property="og:url" content="https://gazette.example/ferry">
            <meta property="article:published_time" content="2021-03-14T10:00:00Z">
            <meta property="article:modified_time" content="2021-03-14T12:00:00Z">
            <meta property="article:tag" content="Transport"><meta property="article:tag" content="Easthaven">
            """;

        // Act
        var article = _extractor.Extract(SamplePages.Story(head: head), PageUrl);

        // Assert
        article.Title.ShouldBe("Easthaven picks a battery ferry");
        article.SiteName.ShouldBe("Harbour Gazette");
        article.LeadImage.ShouldBe("https://gazette.example/img/og.jpg");
        article.Description.ShouldBe("A new ferry for the island commuters.");
        article.CanonicalUrl.ShouldBe("https://gazette.example/ferry");
        article.Published.ShouldBe(new DateTimeOffset(2021, 3, 14, 10, 0, 0, TimeSpan.Zero));
        article.Modified.ShouldBe(new DateTimeOffset(2021, 3, 14, 12, 0, 0, TimeSpan.Zero));
        article.Tags.ShouldBe(["Transport", "Easthaven"]);
    }

    [Fact]
    public void Extract_TwitterCardOnly_ReadsTitleDescriptionAndImage()
    {
        // Arrange
        const string head = """
            <meta name="twitter:title" content="Island commuters get their ferry">
            <meta name="twitter:description" content="Twelve million for a quieter crossing.">
            <meta name="twitter:image" content="https://cdn.gazette.example/tw.jpg">
            """;

        // Act
        var article = _extractor.Extract(SamplePages.Story(head: head), PageUrl);

        // Assert
        article.Title.ShouldBe("Island commuters get their ferry");
        article.Description.ShouldBe("Twelve million for a quieter crossing.");
        article.LeadImage.ShouldBe("https://cdn.gazette.example/tw.jpg");
    }

    [Fact]
    public void Extract_MetaAuthor_SplitsNamesAndDropsByPrefix()
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(head: """<meta name="author" content="By Mara Lindqvist and Tom Okafor">"""), PageUrl);

        // Assert
        article.Authors.ShouldBe(["Mara Lindqvist", "Tom Okafor"]);
    }

    [Fact]
    public void Extract_Microdata_ReadsHeadlineAuthorAndDates()
    {
        // Arrange
        const string inside = """
            <div itemscope itemtype="https://schema.org/NewsArticle">
              <span itemprop="author" itemscope itemtype="https://schema.org/Person"><span itemprop="name">Ines Duarte</span></span>
              <meta itemprop="datePublished" content="2020-07-01T06:00:00Z">
              <meta itemprop="dateModified" content="2020-07-02T06:00:00Z">
            </div>
            """;

        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: inside), PageUrl);

        // Assert
        article.Authors.ShouldBe(["Ines Duarte"]);
        article.Published.ShouldBe(new DateTimeOffset(2020, 7, 1, 6, 0, 0, TimeSpan.Zero));
        article.Modified.ShouldBe(new DateTimeOffset(2020, 7, 2, 6, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Extract_TimeElementOnly_UsesItsDatetime()
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: """<time datetime="2019-11-05T14:20:00+00:00">5 Nov</time>"""), null);

        // Assert
        article.Published.ShouldBe(new DateTimeOffset(2019, 11, 5, 14, 20, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("https://gazette.example/news/2021/03/14/ferry", 2021, 3, 14)]
    [InlineData("https://gazette.example/2018-10-09/ferry-vote", 2018, 10, 9)]
    [InlineData("https://gazette.example/stories/2019/nov/19/ferry", 2019, 11, 19)]
    [InlineData("https://gazette.example/archive/20200131/ferry", 2020, 1, 31)]
    public void Extract_DateOnlyInUrl_UsesUrlDate(string url, int year, int month, int day)
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(), new Uri(url));

        // Assert
        article.Published.ShouldBe(new DateTimeOffset(year, month, day, 0, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Extract_NoDateAnywhere_LeavesPublishedNull()
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(), new Uri("https://gazette.example/ferry-vote"));

        // Assert
        article.Published.ShouldBeNull();
    }

    [Theory]
    [InlineData("Easthaven votes for a new ferry | Harbour Gazette", "Easthaven votes for a new ferry")]
    [InlineData("Harbour Gazette - Easthaven votes for a new ferry", "Easthaven votes for a new ferry")]
    [InlineData("Easthaven votes for a new ferry – gazette.example", "Easthaven votes for a new ferry")]
    public void Extract_TitleWithSiteName_StripsTheSiteName(string title, string expected)
    {
        // Arrange
        var html = SamplePages.Story(head: """<meta property="og:site_name" content="Harbour Gazette">""").Replace(
            "<title>Easthaven votes for a new ferry | Harbour Gazette</title>", $"<title>{title}</title>", StringComparison.Ordinal);

        // Act
        var article = _extractor.Extract(html, new Uri("https://www.gazette.example/ferry"));

        // Assert
        article.Title.ShouldBe(expected);
    }

    [Fact]
    public void Extract_TitleWithDashInsideHeadline_KeepsHeadline()
    {
        // Arrange
        var html = "<html><head><title>Ferry vote - a decision that took the council ten years</title></head><body><p>" +
                   string.Join("</p><p>", SamplePages.StoryParagraphs) + "</p></body></html>";

        // Act
        var article = _extractor.Extract(html, null);

        // Assert
        article.Title.ShouldBe("Ferry vote - a decision that took the council ten years");
    }

    [Fact]
    public void Extract_LanguageAndCanonical_ReadFromHtmlLangAndLinkRel()
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(head: """<link rel="canonical" href="/news/ferry">"""), PageUrl);

        // Assert
        article.Language.ShouldBe("en-GB");
        article.CanonicalUrl.ShouldBe("https://gazette.example/news/ferry");
    }

    [Fact]
    public void Extract_BylineElementOnly_FindsAuthor()
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: """<div class="byline">By Sunniva Berg</div>"""), PageUrl);

        // Assert
        article.Authors.ShouldBe(["Sunniva Berg"]);
        article.Text.ShouldNotContain("Sunniva");
    }

    [Fact]
    public void Extract_JsonLdWrappedInCData_ReadsAuthorAndDate()
    {
        // Arrange
        const string jsonLd = """
            <script type="application/ld+json">//<![CDATA[
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Easthaven votes for a new ferry",
             "author":[{"@type":"Person","name":"Mara Lindqvist"}],"datePublished":"2021-03-14T09:30:00+0100"}
            //]]></script>
            """;

        // Act
        var article = new ArticleExtractor().Extract(SamplePages.Story(head: jsonLd), PageUrl);

        // Assert
        article.Authors.ShouldBe(["Mara Lindqvist"]);
        article.Published.ShouldBe(new DateTimeOffset(2021, 3, 14, 9, 30, 0, TimeSpan.FromHours(1)));
    }

    [Fact]
    public void Extract_DublinCoreAndOpenGraphTitles_PrefersDublinCore()
    {
        // Arrange
        const string head = """
            <meta property="og:title" content="Ferry vote: the teaser title">
            <meta property="dc:title" content="Easthaven votes for a new ferry">
            <meta property="dc:creator" content="Mara Lindqvist"><meta name="author" content="Gazette staff">
            """;

        // Act
        var article = new ArticleExtractor().Extract(SamplePages.Story(head: head), PageUrl);

        // Assert
        article.Title.ShouldBe("Easthaven votes for a new ferry");
        article.Authors.ShouldBe(["Mara Lindqvist"]);
    }

    [Theory]
    [InlineData("<div class=\"article__author\">By\n Mara Lindqvist</div>")]
    [InlineData("<span class=\"byline\">By Mara Lindqvist March 14, 2021</span>")]
    [InlineData("<p class=\"byline\">Mara Lindqvist Transport Editor</p>")]
    [InlineData("<p class=\"byline\">Written by Mara Lindqvist Edited by Tom Okafor</p>")]
    public void Extract_BylineElementWithPrefixDateOrRole_ReadsTheName(string byline)
    {
        // Act
        var article = new ArticleExtractor().Extract(SamplePages.Story(insideArticle: byline), PageUrl);

        // Assert
        article.Authors.ShouldBe(["Mara Lindqvist"]);
    }
}
