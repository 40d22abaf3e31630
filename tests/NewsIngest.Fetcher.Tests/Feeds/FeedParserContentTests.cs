using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserContentTests
{
    [Fact]
    public void Parse_NakedMarkupInDescription_IsKeptAsHtml()
    {
        // Arrange
        const string xml = """<rss version="2.0"><channel><item><description>Naked <b>bold</b> text</description></item></channel></rss>""";

        // Act
        var item = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        item.Summary.ShouldBe("Naked <b>bold</b> text");
    }

    [Fact]
    public void Parse_EscapedHtmlWrappedInXhtmlDiv_DropsTheWrapper()
    {
        // Arrange
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
              <content type="html"><div xmlns="http://www.w3.org/1999/xhtml">Type &lt;b&gt;pad&lt;/b&gt;</div></content>
            </entry></feed>
            """;

        // Act
        var entry = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        entry.Content.ShouldBe("Type <b>pad</b>");
    }

    [Fact]
    public void Parse_SecondSummaryLikeElement_BecomesContent()
    {
        // Arrange
        const string xml = """
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item>
              <itunes:summary>Short summary</itunes:summary>
              <description>&lt;p&gt;Longer description&lt;/p&gt;</description>
            </item></channel></rss>
            """;

        // Act
        var item = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        item.Summary.ShouldBe("Short summary");
        item.Content.ShouldBe("<p>Longer description</p>");
    }

    [Fact]
    public void Parse_RssTitleThatLooksLikeHtml_IsTreatedAsHtmlOnlyWhenAllTagsAreOrdinary()
    {
        // Arrange
        const string xml = """
            <rss version="2.0"><channel>
              <item><title>&lt;em&gt;Big&lt;/em&gt; news</title><description>1 &lt; 2</description></item>
              <item><title>About the &lt;script&gt;&lt;/script&gt; element</title></item>
            </channel></rss>
            """;

        // Act
        var items = FeedTestFiles.ParseText(xml).Items;

        // Assert
        items[0].Title.ShouldBe("<em>Big</em> news");
        items[0].Summary.ShouldBe("1 < 2");
        items[1].Title.ShouldBe("About the <script></script> element");
    }

    [Fact]
    public void Parse_AtomTextTitleWithMarkupCharacters_StaysPlainText()
    {
        // Arrange
        const string xml = """<feed xmlns="http://www.w3.org/2005/Atom"><title type="text">&lt;em&gt;not html&lt;/em&gt;</title></feed>""";

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Title.ShouldBe("<em>not html</em>");
    }
}
