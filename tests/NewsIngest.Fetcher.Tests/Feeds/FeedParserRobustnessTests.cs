using System.Text;
using NewsIngest.Fetcher.Feeds;
using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserRobustnessTests
{
    [Fact]
    public void Parse_BrokenItemBetweenGoodOnes_KeepsTheOthersAndNullsBadDates()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("broken-items.xml");

        // Assert
        feed.Title.ShouldBe("Night Market & Friends");
        feed.Items.Count.ShouldBe(3);
        feed.Items[0].Title.ShouldBe("Dumplings at stall 4");
        feed.Items[0].Published.ShouldBe(new DateTimeOffset(2025, 3, 7, 11, 0, 0, TimeSpan.Zero));
        feed.Items[1].Published.ShouldBeNull();
        feed.Items[2].Title.ShouldBe("Lanterns \u2014 tonight only");
        feed.Items[2].Link.ShouldBe("http://market.example.com/lanterns");
        feed.Items[2].Published.ShouldBeNull();
    }

    [Fact]
    public void Parse_CDataAndEntities_DecodeIntoText()
    {
        // Arrange
        const string xml = """
            <rss version="2.0"><channel>
              <title><![CDATA[Fish & <Chips>]]></title>
              <description>caf&eacute;&nbsp;&#8220;menu&#x201D; &unknownthing; &amp; more</description>
            </channel></rss>
            """;

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Title.ShouldBe("Fish & <Chips>");
        feed.Subtitle.ShouldBe("café\u00A0\u201Cmenu\u201D &unknownthing; & more");
    }

    [Fact]
    public void Parse_UnclosedElementsAtEndOfInput_StillYieldsItems()
    {
        // Arrange
        const string xml = "<rss version=\"2.0\"><channel><title>Cut short</title><item><title>Only item</title><link>http://example.com/a</link>";

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Title.ShouldBe("Cut short");
        var item = feed.Items.ShouldHaveSingleItem();
        item.Title.ShouldBe("Only item");
        item.Link.ShouldBe("http://example.com/a");
    }

    [Fact]
    public void Parse_RelativeLinksWithHttpLocation_ResolvesAgainstFeedUrl()
    {
        // Arrange
        const string xml = "<rss version=\"2.0\"><channel><link>/</link><item><link>posts/1</link></item></channel></rss>";

        // Act
        var feed = FeedTestFiles.ParseText(xml, "https://news.example.com/feeds/main.xml");

        // Assert
        feed.Link.ShouldBe("https://news.example.com/");
        feed.Items.ShouldHaveSingleItem().Link.ShouldBe("https://news.example.com/feeds/posts/1");
    }

    [Fact]
    public void Parse_RelativeLinksWithFileLocation_LeavesThemRelative()
    {
        // Arrange
        const string xml = "<rss version=\"2.0\"><channel><item><link>posts/1</link></item></channel></rss>";

        // Act
        var feed = FeedTestFiles.ParseText(xml, "file:///tmp/feed.xml");

        // Assert
        feed.Items.ShouldHaveSingleItem().Link.ShouldBe("posts/1");
    }

    [Theory]
    [InlineData("<!DOCTYPE html><html><head><title>Page</title></head><body></body></html>", "<html>")]
    [InlineData("just some words", "neither XML nor JSON")]
    [InlineData("   ", "empty")]
    [InlineData("<?xml version=\"1.0\"?><!-- nothing -->", "no XML elements")]
    public void Parse_ContentThatIsNotAFeed_Throws(string content, string expectedMessagePart)
    {
        // Act
        var act = () => FeedParser.Parse(Encoding.UTF8.GetBytes(content), null, null);

        // Assert
        act.ShouldThrow<FeedFormatException>().Message.ShouldContain(expectedMessagePart);
    }
}
