using NewsIngest.Fetcher.Feeds;
using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserRssTests
{
    [Fact]
    public void Parse_Rss091WithNetscapeDoctype_ReadsChannelAndHtmlEntities()
    {
        // Arrange
        var name = "rss091-netscape.xml";

        // Act
        var feed = FeedTestFiles.ParseCorpus(name);

        // Assert
        feed.Format.ShouldBe("rss0.91");
        feed.Title.ShouldBe("Café Quarterly");
        feed.Link.ShouldBe("http://quarterly.example.net/");
        feed.Subtitle.ShouldBe("Notes from the café\u00A0counter");
        feed.Language.ShouldBe("fr-ca");
        feed.ImageUrl.ShouldBe("http://quarterly.example.net/logo.png");
        feed.Author.ShouldNotBeNull();
        feed.Author.Name.ShouldBe("Rosalind Marsh");
        feed.Author.Email.ShouldBe("editor@quarterly.example.net");
        feed.Author.Text.ShouldBe("editor@quarterly.example.net (Rosalind Marsh)");
        var item = feed.Items.ShouldHaveSingleItem();
        item.Title.ShouldBe("Espresso & patience");
        item.Link.ShouldBe("http://quarterly.example.net/espresso");
        item.Summary.ShouldBe("Why the second shot is better.");
    }

    [Fact]
    public void Parse_Rss092_ReadsEnclosureCategoryAndIgnoresSourceTitle()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("rss092.xml");

        // Assert
        feed.Format.ShouldBe("rss0.92");
        var item = feed.Items.ShouldHaveSingleItem();
        item.Title.ShouldBe("Monday tides");
        item.Categories.ShouldBe(["Tides"]);
        var enclosure = item.Enclosures.ShouldHaveSingleItem();
        enclosure.Url.ShouldBe("http://radio.example.org/audio/monday.mp3");
        enclosure.MediaType.ShouldBe("audio/mpeg");
        enclosure.Length.ShouldBe(1048576);
    }

    [Fact]
    public void Parse_Rss20WithExtensions_MapsChannelFields()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("rss20-extensions.xml", "https://allotment.example.com/feed.xml");

        // Assert
        feed.Format.ShouldBe("rss2.0");
        feed.Title.ShouldBe("Allotment Weekly");
        feed.Subtitle.ShouldBe("News from <em>plot 14</em>");
        feed.SelfLink.ShouldBe("https://allotment.example.com/feed.xml");
        feed.Ttl.ShouldBe(90);
        feed.UpdatePeriod.ShouldBe("daily");
        feed.UpdateFrequency.ShouldBe(2);
        feed.Updated.ShouldBe(new DateTimeOffset(2025, 4, 6, 1, 30, 0, TimeSpan.Zero));
        feed.Published.ShouldBe(new DateTimeOffset(2019, 3, 1, 7, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_Rss20ItemWithContentEncodedAndDublinCore_MapsItemFields()
    {
        // Act
        var item = FeedTestFiles.ParseCorpus("rss20-extensions.xml", "https://allotment.example.com/feed.xml").Items[0];

        // Assert
        item.Title.ShouldBe("Broad beans are up");
        item.Link.ShouldBe("https://allotment.example.com/2025/04/broad-beans");
        item.Id.ShouldBe("allotment-2025-0412");
        item.Published.ShouldBe(new DateTimeOffset(2025, 4, 5, 14, 15, 0, TimeSpan.Zero));
        item.Author.ShouldNotBeNull().Name.ShouldBe("Tom Pettigrew");
        item.Categories.ShouldBe(["Legumes", "Spring"]);
        item.Summary.ShouldBe("The first shoots\u00A0appeared overnight.");
        item.Content.ShouldBe("<p>The first shoots appeared <a href=\"https://allotment.example.com/photos/beans.jpg\">overnight</a>.</p>");
    }

    [Fact]
    public void Parse_Rss20ItemWithMediaRss_ListsContentAndThumbnail()
    {
        // Act
        var item = FeedTestFiles.ParseCorpus("rss20-extensions.xml").Items[0];

        // Assert
        item.Enclosures.ShouldHaveSingleItem().Url.ShouldBe("https://allotment.example.com/photos/beans.jpg");
        item.Media.Count.ShouldBe(2);
        item.Media[0].ShouldBe(new FeedMedia
        {
            Url = "https://allotment.example.com/video/beans.mp4",
            MediaType = "video/mp4",
            Medium = "video",
            Width = 640,
            Height = 360,
            FileSize = 5000000,
        });
        item.Media[1].IsThumbnail.ShouldBeTrue();
        item.Media[1].Url.ShouldBe("https://allotment.example.com/video/beans-thumb.jpg");
    }

    [Fact]
    public void Parse_PermalinkGuidWithoutLink_UsesGuidAsLinkAndParsesAuthorLine()
    {
        // Act
        var item = FeedTestFiles.ParseCorpus("rss20-extensions.xml").Items[1];

        // Assert
        item.Id.ShouldBe("https://allotment.example.com/2025/04/slugs");
        item.Link.ShouldBe("https://allotment.example.com/2025/04/slugs");
        item.Updated.ShouldBe(new DateTimeOffset(2025, 4, 3, 21, 0, 0, TimeSpan.Zero));
        item.Author.ShouldBe(new FeedAuthor { Name = "Tom Pettigrew", Email = "tom@allotment.example.com", Text = "tom@allotment.example.com (Tom Pettigrew)" });
    }

    [Fact]
    public void Parse_ImageAndTextInputInsideChannel_DoNotOverrideChannelTitleOrLink()
    {
        // Arrange
        const string xml = """
            <rss version="2.0"><channel>
              <image><title>Logo title</title><link>http://img.example.com/</link><url>http://img.example.com/a.png</url></image>
              <title>Channel title</title>
              <link>http://channel.example.com/</link>
              <textInput><title>Search title</title><link>http://search.example.com/</link></textInput>
            </channel></rss>
            """;

        // Act
        var feed = FeedTestFiles.ParseText(xml);

        // Assert
        feed.Title.ShouldBe("Channel title");
        feed.Link.ShouldBe("http://channel.example.com/");
    }

    [Fact]
    public void Parse_EscapedHtmlInDescription_KeepsMarkupDropsHandlersAndEscapesBogusDeclaration()
    {
        // Arrange
        const string xml = """
            <rss version="2.0"><channel><item>
              <description>&lt;p&gt;1 &lt; 2 &amp;&amp; &lt;!' &lt;b onclick="steal()"&gt;bold&lt;/b&gt;&lt;br&gt;&lt;!-- note --&gt;&lt;/p&gt;</description>
            </item></channel></rss>
            """;

        // Act
        var item = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        item.Summary.ShouldBe("<p>1 < 2 && &lt;!' <b>bold</b><br /><!-- note --></p>");
    }

    [Fact]
    public void Parse_MadeUpTagsElementAndItunesKeywords_BecomeCategories()
    {
        // Arrange
        const string xml = """
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"><channel><item>
              <tags>red, green</tags>
              <itunes:keywords>blue,  yellow</itunes:keywords>
              <itunes:category text="Arts"/>
            </item></channel></rss>
            """;

        // Act
        var item = FeedTestFiles.ParseText(xml).Items.ShouldHaveSingleItem();

        // Assert
        item.Categories.ShouldBe(["red", "green", "blue", "yellow", "Arts"]);
    }
}
