using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Tests.Publishing;

public sealed class ArticleIdsTests
{
    [Fact]
    public void FromKey_SameKey_GivesSameId()
    {
        ArticleIds.FromKey("feed:https://a.example/rss|item-1").ShouldBe(ArticleIds.FromKey("feed:https://a.example/rss|item-1"));
    }

    [Fact]
    public void FromKey_OtherKey_GivesOtherId()
    {
        ArticleIds.FromKey("feed:https://a.example/rss|item-1").ShouldNotBe(ArticleIds.FromKey("feed:https://a.example/rss|item-2"));
    }

    [Fact]
    public void FromKey_Id_IsMarkedAsVersion8()
    {
        ArticleIds.FromKey("anything").Version.ShouldBe(8);
    }

    [Fact]
    public void FromContent_SameBytes_GivesSameId()
    {
        ArticleIds.FromContent("Title\nBody"u8).ShouldBe(ArticleIds.FromContent("Title\nBody"u8));
    }
}
