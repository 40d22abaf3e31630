using NewsIngest.Fetcher.Feeds;
using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedParserJsonFeedTests
{
    [Fact]
    public void Parse_JsonFeed11_MapsFeedAndItems()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("jsonfeed11.json");

        // Assert
        feed.Format.ShouldBe("jsonfeed1.1");
        feed.Title.ShouldBe("Tram Spotting");
        feed.Link.ShouldBe("https://trams.example.com/");
        feed.SelfLink.ShouldBe("https://trams.example.com/feed.json");
        feed.Subtitle.ShouldBe("Heritage trams, one at a time");
        feed.Language.ShouldBe("de-AT");
        feed.Author.ShouldNotBeNull().Name.ShouldBe("Lena Huber");
        feed.Items.Count.ShouldBe(2);
        var first = feed.Items[0];
        first.Id.ShouldBe("tram-19");
        first.Link.ShouldBe("https://trams.example.com/19");
        first.Title.ShouldBe("Car 19 returns");
        first.Content.ShouldBe("<p>Car 19 is <strong>back</strong> in service.</p>");
        first.Summary.ShouldBe("Car 19 is back");
        first.Published.ShouldBe(new DateTimeOffset(2025, 1, 15, 9, 0, 0, TimeSpan.Zero));
        first.Updated.ShouldBe(new DateTimeOffset(2025, 1, 16, 8, 0, 0, TimeSpan.Zero));
        first.Categories.ShouldBe(["Restoration", "Vienna"]);
        first.Enclosures.ShouldHaveSingleItem().Length.ShouldBe(123456);
    }

    [Fact]
    public void Parse_JsonFeedItemWithNumericIdAndExternalUrl_ReadsThem()
    {
        // Act
        var item = FeedTestFiles.ParseCorpus("jsonfeed11.json").Items[1];

        // Assert
        item.Id.ShouldBe("20");
        item.Link.ShouldBe("https://elsewhere.example.org/car-20");
        item.Content.ShouldBe("Car 20 is still in the shed.");
    }

    [Fact]
    public void Parse_JsonFeed10WithSingleAuthor_ReadsAuthorAndMailto()
    {
        // Act
        var feed = FeedTestFiles.ParseCorpus("jsonfeed10.json");

        // Assert
        feed.Format.ShouldBe("jsonfeed1.0");
        feed.Author.ShouldBe(new FeedAuthor { Name = "Ossian Bell", Email = "ossian@pigeons.example.com", Text = "Ossian Bell (ossian@pigeons.example.com)" });
        feed.Items.ShouldHaveSingleItem().Published.ShouldBe(new DateTimeOffset(2016, 5, 17, 15, 2, 0, TimeSpan.Zero));
    }

    [Fact]
    public void Parse_JsonWithoutJsonFeedVersion_Throws()
    {
        // Act
        var act = () => FeedTestFiles.ParseText("""{ "title": "not a feed", "items": [] }""");

        // Assert
        act.ShouldThrow<FeedFormatException>().Message.ShouldContain("JSON Feed");
    }
}
