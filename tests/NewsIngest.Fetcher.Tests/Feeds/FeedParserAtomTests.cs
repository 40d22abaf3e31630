using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserAtomTests
{
    [Fact]
    public void Parse_Atom10Feed_ResolvesLinksAgainstXmlBaseAndReadsTextConstructs()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("atom10.xml");

        // Assert
        feed.Format.ShouldBe("atom1.0");
        feed.Title.ShouldBe("Kiln <notes>");
        feed.Subtitle.ShouldBe("Firing <em>stoneware</em> at cone 10");
        feed.Id.ShouldBe("tag:kiln.example.nz,2024:feed");
        feed.Language.ShouldBe("en-NZ");
        feed.Link.ShouldBe("https://kiln.example.nz/blog/");
        feed.SelfLink.ShouldBe("https://kiln.example.nz/blog/atom.xml");
        feed.Updated.ShouldBe(new DateTimeOffset(2024, 11, 1, 20, 30, 0, TimeSpan.Zero));
        feed.Author.ShouldNotBeNull();
        feed.Author.Name.ShouldBe("Mere Tane");
        feed.Author.Email.ShouldBe("mere@kiln.example.nz");
        feed.Author.Uri.ShouldBe("https://kiln.example.nz/about");
        feed.Author.Text.ShouldBe("Mere Tane (mere@kiln.example.nz)");
    }

    [Fact]
    public void Parse_Atom10EntryWithXhtmlContent_StripsWrapperDivAndResolvesNestedBase()
    {
        // Act
        var entry = FeedTestFiles.ParseCorpus("atom10.xml").Items[0];

        // Assert
        entry.Title.ShouldBe("Glaze <b>crawling</b>");
        entry.Link.ShouldBe("https://kiln.example.nz/blog/posts/2024/glaze-crawling.html");
        entry.Id.ShouldBe("tag:kiln.example.nz,2024:glaze-crawling");
        entry.Published.ShouldBe(new DateTimeOffset(2024, 10, 30, 20, 0, 0, TimeSpan.Zero));
        entry.Updated.ShouldBe(new DateTimeOffset(2024, 10, 31, 18, 45, 12, 250, TimeSpan.Zero));
        entry.Categories.ShouldBe(["glazes", "faults"]);
        entry.Summary.ShouldBe("Why glaze pulls away from the body.");
        entry.Content.ShouldBe(
            "<p>See <a href=\"https://kiln.example.nz/blog/posts/2024/crawl.jpg\">the photo</a> &amp; the "
            + "<img src=\"https://kiln.example.nz/blog/img/chart.png\" /> chart.</p>");
        var enclosure = entry.Enclosures.ShouldHaveSingleItem();
        enclosure.Url.ShouldBe("https://kiln.example.nz/blog/posts/2024/crawl.jpg");
        enclosure.Length.ShouldBe(4096);
    }

    [Fact]
    public void Parse_Atom10EntryWithoutLinkOrSummary_FallsBackToIdAndContent()
    {
        // Act
        var entry = FeedTestFiles.ParseCorpus("atom10.xml").Items[1];

        // Assert
        entry.Link.ShouldBe("https://kiln.example.nz/blog/second");
        entry.Content.ShouldBe("<p>Plain <i>html</i> content</p>");
        entry.Summary.ShouldBe(entry.Content);
    }

    [Fact]
    public void Parse_Atom03_ReadsModifiedIssuedEscapedAndBase64Content()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("atom03.xml");

        // Assert
        feed.Format.ShouldBe("atom0.3");
        feed.Title.ShouldBe("Loom &amp; Shuttle");
        feed.Subtitle.ShouldBe("Weaving on a 1930s loom");
        feed.Link.ShouldBe("http://loom.example.com/");
        feed.Updated.ShouldBe(new DateTimeOffset(2004, 2, 10, 12, 0, 0, TimeSpan.Zero));
        feed.Author.ShouldNotBeNull().Uri.ShouldBe("http://loom.example.com/idris");
        var entry = feed.Items.ShouldHaveSingleItem();
        entry.Published.ShouldBe(new DateTimeOffset(2004, 2, 9, 23, 20, 0, TimeSpan.Zero));
        entry.Updated.ShouldBe(new DateTimeOffset(2004, 2, 10, 8, 0, 0, TimeSpan.Zero));
        entry.Summary.ShouldBe("Tension <b>matters</b>");
        entry.Content.ShouldBe("<p>Wind on under <em>even</em> tension.</p>");
    }

    [Fact]
    public void Parse_Atom03XhtmlTitle_KeepsWrapperDiv()
    {
        // Arrange
        const string xml = """
            <feed version="0.3" xmlns="http://purl.org/atom/ns#" xml:base="http://example.org/base/">
              <title type="application/xhtml+xml" mode="xml"><div xmlns="http://www.w3.org/1999/xhtml">Hello <a href="x.html">x</a></div></title>
            </feed>
            """;

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Title.ShouldBe("<div>Hello <a href=\"http://example.org/base/x.html\">x</a></div>");
    }

    [Fact]
    public void Parse_LinkRelEnclosureWithoutHref_DoesNotReplaceAlternateLink()
    {
        // Arrange
        const string xml = """
            <feed xmlns="http://www.w3.org/2005/Atom"><entry>
              <link rel="alternate" href="http://example.org/page"/>
              <link rel="enclosure" type="text/html">http://example.org/file</link>
            </entry></feed>
            """;

        // Act
        var entry = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        entry.Link.ShouldBe("http://example.org/page");
    }
}
