using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>The sibling pass: sections of the article beside the top candidate join it, teaser boxes do not.</summary>
public sealed class ContentSelectorTests
{
    private static readonly string[] LaterParagraphs =
    [
        "Ferry crews will train on the new vessel through the winter, the operator said, so that crossings can continue while the old boat is retired.",
        "The shipyard in Northfield won the contract after a tender that drew five bids, two of them from yards outside the country, officials said.",
        "Charging points will be built at both landings, and the council expects the electricity to cost less than a third of the diesel it buys today.",
        "A group of island residents asked the council to keep the old ferry as a reserve boat, a request the harbour master promised to consider.",
        "Ticket prices will not change in the first year of service, the council said, although a review of fares is planned once the boat is running.",
        "The old ferry, launched when many of its passengers were children, will make its last crossing in a ceremony planned for the early summer.",
    ];

    private readonly ArticleExtractor _extractor = new();

    [Fact]
    public void Extract_ArticleSectionsWrappedTooDeepToScore_KeepsEverySection()
    {
        // Arrange: the story in two sibling sections, each paragraph seven wrappers below the sections' parent.
        var page = Page(Section(SamplePages.StoryParagraphs) + "<figure><img src=\"/ferry.jpg\"></figure>" + Section(LaterParagraphs));

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Text.ShouldContain(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldContain(LaterParagraphs[^1]);
    }

    [Fact]
    public void Extract_TeaserBoxBesideArticle_LeavesTeasersOut()
    {
        // Arrange: beside the story, a box of other stories, each summary in its own item under its headline.
        var teasers = string.Concat(LaterParagraphs.Select((p, i) =>
            $"<div class=\"item\"><div class=\"card\"><h3><a href=\"/news/{i}\">Story {i}</a></h3><div class=\"summary\"><p>{p}</p></div></div></div>"));
        var page = Page(Section([.. SamplePages.StoryParagraphs, .. SamplePages.StoryParagraphs.Select(p => p + " It was the second vote.")]) +
                        $"<div class=\"box\"><div class=\"inner\"><div class=\"list\">{teasers}</div></div></div>");

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Text.ShouldContain(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldNotContain(LaterParagraphs[0]);
    }

    [Fact]
    public void Extract_ArticleCutIntoRepeatedWrappersAroundAnAd_KeepsEveryPiece()
    {
        // Arrange: the story in two wrappers of one class, each with its own inner body, an ad between them.
        var page = Page(
            $"<div class=\"story-part\"><div class=\"body-1\">{Paragraphs(SamplePages.StoryParagraphs)}</div><div class=\"ad\">Advertisement</div></div>" +
            $"<div class=\"interrupter\"><p>Story continues below</p></div>" +
            $"<div class=\"story-part\"><div class=\"body-2\">{Paragraphs(LaterParagraphs)}</div><div class=\"ad\">Advertisement</div></div>");

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Text.ShouldStartWith(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldEndWith(LaterParagraphs[^1]);
    }

    private static string Paragraphs(IEnumerable<string> paragraphs) => string.Concat(paragraphs.Select(p => $"<p>{p}</p>"));

    private static string Section(IEnumerable<string> paragraphs) =>
        "<div class=\"w1\"><div class=\"w2\"><div class=\"w3\"><section class=\"w4\"><div class=\"w5\"><div class=\"w6\">" +
        Paragraphs(paragraphs) + "</div></div></section></div></div></div>";

    private static string Page(string body) => $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Easthaven votes for a new ferry | Harbour Gazette</title></head>
        <body><div id="page"><h1>Easthaven votes for a new ferry</h1><div id="story">{body}</div></div></body>
        </html>
        """;
}
