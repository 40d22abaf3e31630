using NewsIngest.Parser.Extraction;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class ArticleExtractorBoilerplateTests
{
    private readonly ArticleExtractor _extractor = new();

    [Theory]
    [InlineData("nav", """<nav><ul><li><a href="/a">Local news</a></li><li><a href="/b">Weather forecast</a></li></ul></nav>""", "Weather forecast")]
    [InlineData("share", """<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <span>Copy link to this story</span></div>""", "Copy link")]
    [InlineData("related", """<section class="related-stories"><h2>More on transport</h2><ul><li><a href="/c">Bus fares rise again in the new year</a></li><li><a href="/d">Bridge closure extended by a month</a></li></ul></section>""", "Bus fares")]
    [InlineData("comments", """<section id="comments"><h3>12 comments</h3><div class="comment"><p>I have waited years for this ferry, finally some good news for the island side of town.</p></div></section>""", "waited years")]
    [InlineData("cookie banner", """<div class="cookie-consent"><p>We use cookies to improve your experience on our site. By continuing you agree to our use of cookies.</p><button>Accept</button></div>""", "cookies")]
    [InlineData("newsletter", """<div class="newsletter-signup"><h3>Get the morning briefing</h3><p>Sign up for our free newsletter and get the top stories delivered to your inbox every weekday.</p></div>""", "morning briefing")]
    [InlineData("follow prompt", """<p>For more harbour news, follow us on Twitter and Facebook, where we post every crossing delay.</p>""", "follow us")]
    [InlineData("image caption", """<div class="wp-caption"><img src="/f.jpg"><p class="wp-caption-text">The old ferry leaving the island pier at dawn</p></div>""", "old ferry leaving")]
    [InlineData("posted line", """<p>Posted [ 2021-03-14 09:30 ]</p>""", "2021-03-14")]
    [InlineData("player settings", """<div class="player-settings"><div class="settings-header">Video quality</div><div class="settings-item">Auto</div><div class="settings-item">High (HD)</div><div class="settings-item">Low</div><div class="settings-item">Captions will look like this, in the size and colour you pick</div></div>""", "Captions will look")]
    [InlineData("ad caption", """<div class="ad-slot"><span>Advertisement</span><div id="gpt-ad-1"></div></div><p>Advertisement</p>""", "Advertisement")]
    public void Extract_ArticleWithBoilerplate_LeavesBoilerplateOut(string kind, string boilerplate, string marker)
    {
        // Act
        var inside = _extractor.Extract(SamplePages.Story(insideArticle: boilerplate), null);
        var outside = _extractor.Extract(SamplePages.Story(extraBody: boilerplate), null);

        // Assert
        foreach (var article in new[] { inside, outside })
        {
            article.Text.ShouldNotContain(marker, Case.Sensitive, $"{kind} leaked into the text");
            article.Paragraphs.ShouldBe(SamplePages.StoryParagraphs, $"{kind} changed the story");
        }
    }

    [Fact]
    public void Extract_StoryWithHeadingsListsQuotesAndCaptions_KeepsThemInTheBody()
    {
        // Arrange
        const string inside = """
            <h2>What the ferry will cost</h2>
            <ul><li>Twelve million for the vessel</li><li>Two million for the new berth</li></ul>
            <blockquote><p>"This is the best day for the island in a generation," said the harbour master.</p></blockquote>
            <figure><img src="/ferry.jpg" alt="ferry"><figcaption>An artist's impression of the new ferry.</figcaption></figure>
            """;

        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: inside), null);

        // Assert
        article.Paragraphs.ShouldContain("What the ferry will cost");
        article.Paragraphs.ShouldContain("Twelve million for the vessel");
        article.Paragraphs.ShouldContain("\"This is the best day for the island in a generation,\" said the harbour master.");
        article.Html.ShouldNotBeNull();
        article.Html.ShouldContain("<h2>What the ferry will cost</h2>");
        article.Html.ShouldContain("<li>Two million for the new berth</li>");
        article.Html.ShouldContain("<blockquote>");
        article.Html.ShouldContain("<figcaption>An artist's impression of the new ferry.</figcaption>");
    }

    [Fact]
    public void Extract_DataTableWithLinkedNameCells_KeepsTheNames()
    {
        // Arrange: a table of ferries, each name a link to its own page beside its year and a description.
        const string inside = """
            <table>
            <tr><th>Ferry</th><th>Year</th><th>Notes</th></tr>
            <tr><th><a href="/ferries/island-queen">Island Queen</a></th><td>1961</td><td>The first car ferry on the strait, retired after a fire in the engine room.</td></tr>
            <tr><th><a href="/ferries/strait-runner">Strait Runner</a></th><td>1984</td><td>The boat in service today, built at Northfield and rebuilt once.</td></tr>
            </table>
            """;

        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: inside), null);

        // Assert
        article.Paragraphs.ShouldContain("Island Queen");
        article.Paragraphs.ShouldContain("Strait Runner");
        article.Paragraphs.ShouldContain("The boat in service today, built at Northfield and rebuilt once.");
    }

    [Fact]
    public void Extract_ArticleText_ExcludesTitleAndJoinsParagraphsWithBlankLines()
    {
        // Act
        var article = _extractor.Extract(SamplePages.Story(), null);

        // Assert
        article.Text.ShouldBe(string.Join("\n\n", SamplePages.StoryParagraphs));
        article.NoArticleReason.ShouldBeNull();
    }

    [Fact]
    public void Extract_ScriptInBody_IsSanitisedAway()
    {
        // Arrange
        const string inside = """<p>Tickets will cost the same as today <a href="javascript:alert(1)">see fares</a>, the council said in its statement.</p><script>alert('x')</script>""";

        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: inside), null);

        // Assert
        article.Html.ShouldNotBeNull();
        article.Html.ShouldNotContain("javascript:");
        article.Html.ShouldNotContain("<script");
        article.Text.ShouldNotContain("alert");
    }

    [Fact]
    public void Extract_TextWrittenWithDoubleLineBreaks_SplitsParagraphs()
    {
        // Arrange
        var html = "<html><body><div class=\"entry\">" + string.Join("<br>\n<br>", SamplePages.StoryParagraphs) + "</div></body></html>";

        // Act
        var article = _extractor.Extract(html, null);

        // Assert
        article.Paragraphs.ShouldBe(SamplePages.StoryParagraphs);
    }

    [Fact]
    public void Extract_MarkupWithoutTextButJsonLdBody_UsesThePublishersBody()
    {
        // Arrange
        var body = string.Join("\\n", SamplePages.StoryParagraphs);
        var html = $$"""
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry","articleBody":"{{body}}"}</script></head>
            <body><div id="app"><p>Loading…</p></div></body></html>
            """;

        // Act
        var article = _extractor.Extract(html, null);

        // Assert
        article.Paragraphs.ShouldBe(SamplePages.StoryParagraphs);
        article.NoArticleReason.ShouldBeNull();
    }

    [Fact]
    public void Extract_RelativeLinkInStory_IsMadeAbsoluteInHtml()
    {
        // Arrange
        const string inside = """<p>The full <a href="/docs/ferry-plan.pdf">ferry plan</a> was published by the council on its website on Wednesday.</p>""";

        // Act
        var article = _extractor.Extract(SamplePages.Story(insideArticle: inside), new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Html.ShouldNotBeNull();
        article.Html.ShouldContain("<a href=\"https://gazette.example/docs/ferry-plan.pdf\">ferry plan</a>");
    }
}
