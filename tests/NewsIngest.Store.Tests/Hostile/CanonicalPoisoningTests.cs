using NewsIngest.Store.Dedup;
using NewsIngest.Store.Records;
using NewsIngest.Store.Stories;

namespace NewsIngest.Store.Tests.Hostile;

/// <summary>Issue 10, row 9: a page whose rel=canonical names another site's article must not become a sighting of it.</summary>
public sealed class CanonicalPoisoningTests
{
    [Fact]
    public async Task StoreAsync_CanonicalNamingAnotherSitesStory_IsANewStory()
    {
        // Arrange
        await using var store = await SqliteStore.CreateAsync();
        var dedup = new StoryDeduplicator(store.Repository);
        var original = Articles.Enriched("Harbour bridge reopens", "The harbour bridge reopened on Monday after two years of repairs to its steel deck and cables.");
        original = original with { Article = original.Article with { Url = "https://www.coastnews.example/bridge-reopens" } };
        var poison = Articles.Enriched("Buy cheap pills", "An unrelated advertising text that wants to be listed as a sighting of a trusted story.");
        poison = poison with { Article = poison.Article with { Url = "https://spam.example/pills", CanonicalUrl = "https://coastnews.example/bridge-reopens" } };

        // Act
        var first = await dedup.StoreAsync(StoredRecordFactory.Create(original, DateTimeOffset.UtcNow), CancellationToken.None);
        var second = await dedup.StoreAsync(StoredRecordFactory.Create(poison, DateTimeOffset.UtcNow), CancellationToken.None);

        // Assert
        first.Outcome.ShouldBe(StoryOutcome.NewStory);
        second.Outcome.ShouldBe(StoryOutcome.NewStory);
        second.Reason.ShouldBe("new story");
    }

    [Fact]
    public async Task StoreAsync_CanonicalOnTheSameRegistrableDomain_StillCounts()
    {
        // Arrange
        await using var store = await SqliteStore.CreateAsync();
        var dedup = new StoryDeduplicator(store.Repository);
        var original = Articles.Enriched("Harbour bridge reopens", "The harbour bridge reopened on Monday after two years of repairs to its steel deck and cables.");
        original = original with { Article = original.Article with { Url = "https://www.coastnews.co.uk/bridge-reopens" } };
        var copy = Articles.Enriched("Bridge open again", "Drivers crossed the bridge again on Monday morning.");
        copy = copy with { Article = copy.Article with { Url = "https://amp.news.coastnews.co.uk/b/123", CanonicalUrl = "https://coastnews.co.uk/bridge-reopens" } };

        // Act
        await dedup.StoreAsync(StoredRecordFactory.Create(original, DateTimeOffset.UtcNow), CancellationToken.None);
        var second = await dedup.StoreAsync(StoredRecordFactory.Create(copy, DateTimeOffset.UtcNow), CancellationToken.None);

        // Assert
        second.Outcome.ShouldBe(StoryOutcome.Sighting);
        second.Reason.ShouldBe("same canonical URL https://coastnews.co.uk/bridge-reopens");
    }

    [Theory]
    [InlineData("www.bbc.co.uk", "bbc.co.uk")]
    [InlineData("news.example.com", "example.com")]
    [InlineData("a.b.example.com.au", "example.com.au")]
    [InlineData("example.org", "example.org")]
    public void RegistrableDomain_Hosts_KeepsTheSiteLabels(string host, string expected) =>
        CanonicalUrlRule.RegistrableDomain(host).ShouldBe(expected);
}
