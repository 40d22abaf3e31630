using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>The fallback views: the prose cluster overrides class hints that hid the article's own text, list
/// entries (gallery captions) and teaser summaries never count as the article's prose, and a section front of
/// separate teasers says it holds no article.</summary>
public sealed class CandidateChooserTests
{
    private static readonly string[] MoreParagraphs =
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
    public void Extract_ArticleTextInContainerWithHidingClass_KeepsThatText()
    {
        // Arrange: most of the story sits in a "read more" box whose class says hide (a script shows it on load).
        var more = string.Concat(MoreParagraphs.Select(p => $"<p>{p}</p>"));
        var page = SamplePages.Story(insideArticle: $"<div class=\"read-more hide-on-init\">{more}</div>");

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Text.ShouldContain(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldContain(MoreParagraphs[^1]);
    }

    [Fact]
    public void Extract_GalleryOfLongCaptionsInArticle_LeavesCaptionsOut()
    {
        // Arrange: a gallery list whose captions are longer than the story itself.
        var items = string.Concat(Enumerable.Range(1, 10).Select(i =>
            $"<li><h2>Picture {i}</h2><p>Caption {i}: the harbour at dawn, seen from the island landing, with the old ferry tied up at the pier and gulls circling over the water.</p></li>"));
        var page = SamplePages.Story(insideArticle: $"<div class=\"photo-gallery\"><ul class=\"legends\">{items}</ul></div>");

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Text.ShouldContain(SamplePages.StoryParagraphs[^1]);
        article.Text.ShouldNotContain("Caption 3");
    }

    [Fact]
    public void Extract_FourParagraphStoryBesideTwelveTeaserCards_PicksTheStory()
    {
        // Arrange: beside the story, a column of twelve cards (a linked headline and a summary each) holding five
        // times the story's text; the grid of cards is the page's largest block of paragraphs.
        var page = StoryBesideCards(SamplePages.StoryParagraphs.Select(p => $"<p>{p}</p>"), cards: 12);

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.NoArticleReason.ShouldBeNull();
        article.Text.ShouldStartWith(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldEndWith(SamplePages.StoryParagraphs[^1]);
        article.Text.ShouldNotContain(SamplePages.Teasers[0].Summary);
    }

    [Fact]
    public void Extract_StoryBesideTeaserCardsTheNodeScorerPrefers_PicksTheStory()
    {
        // Arrange: each story paragraph in a wrapper of its own, sixteen cards beside it: the node scorer ranks the
        // grid of cards first.
        var page = StoryBesideCards(SamplePages.StoryParagraphs.Select(p => $"<div class=\"para\"><p>{p}</p></div>"), cards: 16);

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.Text.ShouldStartWith(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldEndWith(SamplePages.StoryParagraphs[^1]);
        article.Text.ShouldNotContain(SamplePages.Teasers[^1].Summary);
    }

    [Fact]
    public void Extract_SectionFrontOfSeparateTeaserBands_SaysItHoldsNoArticle()
    {
        // Arrange: a section front: four bands of four teasers, no story.
        var page = SectionFront(story: "");

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/coast/"));

        // Assert
        article.NoArticleReason.ShouldBe(CandidateChooser.IndexPageReason);
        article.Text.ShouldBeEmpty();
        article.Html.ShouldBeNull();
    }

    [Fact]
    public void Extract_StoryAboveSectionFrontTeaserBands_IsNotDeclaredArticleLess()
    {
        // Arrange: the same four bands of teasers, below a four-paragraph story.
        var story = $"<div class=\"body\">{string.Concat(SamplePages.StoryParagraphs.Select(p => $"<p>{p}</p>"))}</div>";
        var page = SectionFront(story);

        // Act
        var article = _extractor.Extract(page, new Uri("https://gazette.example/news/ferry"));

        // Assert
        article.NoArticleReason.ShouldBeNull();
        article.Text.ShouldStartWith(SamplePages.StoryParagraphs[0]);
        article.Text.ShouldEndWith(SamplePages.StoryParagraphs[^1]);
    }

    private static string Card(int i) =>
        $"<div class=\"card\"><h3><a href=\"/news/{i}\">{SamplePages.Teasers[i].Headline}</a></h3><p>{SamplePages.Teasers[i].Summary}</p></div>\n";

    /// <summary>The story in the main column, a grid of <paramref name="cards"/> teaser cards in the side column.</summary>
    private static string StoryBesideCards(IEnumerable<string> story, int cards) => $"""
        <!DOCTYPE html>
        <html lang="en-GB">
        <head><meta charset="utf-8"><title>Easthaven votes for a new ferry | Harbour Gazette</title></head>
        <body><div id="page"><div class="wrap">
        <div class="col-main"><h1>Easthaven votes for a new ferry</h1><div class="body">{string.Concat(story)}</div></div>
        <div class="col-side"><h2>More from the coast</h2><div class="grid">{string.Concat(Enumerable.Range(0, cards).Select(Card))}</div></div>
        </div></div></body></html>
        """;

    /// <summary>Four bands of four teasers, each band named for its part of the paper, after <paramref name="story"/>;
    /// the top stories carry a longer summary.</summary>
    private static string SectionFront(string story)
    {
        string[] bands = ["top", "island", "town", "weekend"];
        const string Live = " Updates, pictures and reactions, as they come in, are on our live page, which is free to read.";
        var body = string.Concat(bands.Select((band, b) =>
            $"<section class=\"band-{band}\"><h2>{band}</h2><div class=\"col\"><div class=\"list\">" +
            string.Concat(Enumerable.Range(b * 4, 4).Select(i =>
                $"<div class=\"item\"><h3><a href=\"/news/{i}\">{SamplePages.Teasers[i].Headline}</a></h3><div class=\"summary\"><p>{SamplePages.Teasers[i].Summary}{(b == 0 ? Live : "")}</p></div></div>")) +
            "</div></div></section>\n"));
        return $"""
            <!DOCTYPE html>
            <html lang="en-GB">
            <head><meta charset="utf-8"><title>Coast | Harbour Gazette</title></head>
            <body><div class="top"><a href="/">Harbour Gazette</a></div>
            <main><h1>Coast</h1>{story}{body}</main>
            </body>
            </html>
            """;
    }
}
