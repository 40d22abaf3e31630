using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserRdfTests
{
    [Fact]
    public void Parse_Rss10_ReadsChannelWithDublinCore()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("rss10-rdf.xml");

        // Assert
        feed.Format.ShouldBe("rss1.0");
        feed.Title.ShouldBe("Apiary Log");
        feed.Link.ShouldBe("http://bees.example.org/");
        feed.Subtitle.ShouldBe("Hive inspections");
        feed.Language.ShouldBe("en");
        feed.Author.ShouldNotBeNull().Name.ShouldBe("Ada Quill");
        feed.Updated.ShouldBe(new DateTimeOffset(2024, 6, 30, 16, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_Rss10Item_TakesIdFromRdfAboutAndDecodesEscapedContent()
    {
        // Act
        var item = FeedTestFiles.ParseCorpus("rss10-rdf.xml").Items.ShouldHaveSingleItem();

        // Assert
        item.Id.ShouldBe("http://bees.example.org/log/41");
        item.Title.ShouldBe("Hive two swarmed");
        item.Link.ShouldBe("http://bees.example.org/log/41");
        item.Summary.ShouldBe("Caught the swarm in a spare box.");
        item.Content.ShouldBe("<p>Caught the swarm in a <b>spare box</b>.</p>");
        item.Updated.ShouldBe(new DateTimeOffset(2024, 6, 29, 0, 0, 0, TimeSpan.Zero));
        item.Categories.ShouldBe(["Swarms"]);
    }

    [Fact]
    public void Parse_Rss090_ReadsChannelAndItemsOutsideIt()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("rss090.xml");

        // Assert
        feed.Format.ShouldBe("rss0.90");
        feed.Title.ShouldBe("Lighthouse Keepers");
        var item = feed.Items.ShouldHaveSingleItem();
        item.Title.ShouldBe("Lamp lit at dusk");
        item.Link.ShouldBe("http://lighthouse.example.com/dusk");
    }
}
