using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserUriTests
{
    [Fact]
    public void Parse_NestedXmlBase_ResolvesEachLevelAgainstItsParent()
    {
        // Arrange
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="http://example.com/a/">
              <entry xml:base="b/">
                <link xml:base="c/" href="d.html"/>
                <content type="html" xml:base="e/">&lt;a href="f.html"&gt;x&lt;/a&gt;</content>
              </entry>
            </feed>
            """;

        // Act
        var entry = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        entry.Link.ShouldBe("http://example.com/a/b/c/d.html");
        entry.Content.ShouldBe("<a href=\"http://example.com/a/b/e/f.html\">x</a>");
    }

    [Fact]
    public void Parse_RelativeXmlBaseWithoutAbsoluteBase_CombinesPaths()
    {
        // Arrange
        const string xml = """<feed xmlns="http://www.w3.org/2005/Atom" xml:base="/root/"><link href="page"/></feed>""";

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Link.ShouldBe("/root/page");
    }

    [Fact]
    public void Parse_JavascriptXmlBase_IsNotUsedAndJavascriptLinksAreDropped()
    {
        // Arrange
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="javascript:alert(1)">
              <entry><link href="x"/><content type="html">&lt;a href="javascript:alert(2)"&gt;y&lt;/a&gt;</content></entry>
            </feed>
            """;

        // Act
        var entry = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        entry.Link.ShouldBe("x");
        entry.Content.ShouldBe("<a>y</a>");
    }

    [Fact]
    public void Parse_GuidNotPermalink_IsNeitherResolvedNorUsedAsLink()
    {
        // Arrange
        const string xml = """<rss version="2.0"><channel><item xml:base="http://g.example.com/"><guid isPermaLink="false">g1</guid></item></channel></rss>""";

        // Act
        var item = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        item.Id.ShouldBe("g1");
        item.Link.ShouldBeNull();
    }
}
