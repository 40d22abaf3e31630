using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Tests.Extraction;

/// <summary>The fallback views: the prose cluster overrides class hints that hid the article's own text, and list
/// entries (gallery captions) never count as the article's prose.</summary>
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
}
