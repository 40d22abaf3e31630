using NewsIngest.Fetcher.Articles;

namespace NewsIngest.Fetcher.Tests.Articles;

public sealed class RobotsRulesTests
{
    private const string Token = "NewsIngest";

    [Theory]
    [InlineData("/private/report.html", false)]
    [InlineData("/private", false)]
    [InlineData("/public/report.html", true)]
    [InlineData("/", true)]
    public void IsAllowed_StarGroupDisallowsPrefix_OnlyThatPrefixRefused(string path, bool expected)
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /private\n", Token);

        // Act
        var allowed = rules.IsAllowed(path);

        // Assert
        allowed.ShouldBe(expected);
    }

    [Fact]
    public void IsAllowed_GroupNamesOurToken_StarGroupIgnored()
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /\n\nUser-agent: newsingest\nDisallow: /drafts/\n", Token);

        // Act
        var (article, draft) = (rules.IsAllowed("/news/tides"), rules.IsAllowed("/drafts/tides"));

        // Assert
        (article, draft).ShouldBe((true, false));
    }

    [Fact]
    public void IsAllowed_GroupNamesAnotherRobot_StarGroupApplies()
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: OtherBot\nDisallow: /\n\nUser-agent: *\nDisallow: /tmp/\n", Token);

        // Act
        var (article, temporary) = (rules.IsAllowed("/news/tides"), rules.IsAllowed("/tmp/x"));

        // Assert
        (article, temporary).ShouldBe((true, false));
    }

    [Fact]
    public void IsAllowed_SeveralAgentLinesShareOneGroup_RulesApplyToEach()
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: OtherBot\nUser-agent: NewsIngest/2.0 # us\nDisallow: /shared/\n", Token);

        // Act
        var allowed = rules.IsAllowed("/shared/page");

        // Assert
        allowed.ShouldBeFalse();
    }

    [Theory]
    [InlineData("/archive/2026/story", true)]
    [InlineData("/archive/2025/story", false)]
    [InlineData("/archive/", false)]
    public void IsAllowed_LongerAllowInsideDisallow_LongestMatchWins(string path, bool expected)
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /archive/\nAllow: /archive/2026/\n", Token);

        // Act
        var allowed = rules.IsAllowed(path);

        // Assert
        allowed.ShouldBe(expected);
    }

    [Fact]
    public void IsAllowed_AllowAndDisallowEquallyLong_AllowWins()
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /page\nAllow: /page\n", Token);

        // Act
        var allowed = rules.IsAllowed("/page");

        // Assert
        allowed.ShouldBeTrue();
    }

    [Theory]
    [InlineData("/files/report.pdf", false)]
    [InlineData("/files/report.pdf?download=1", true)]
    [InlineData("/a/b/c.pdf", false)]
    [InlineData("/story?session=42", false)]
    [InlineData("/story", true)]
    public void IsAllowed_WildcardAndEndAnchor_MatchAsSpecified(string path, bool expected)
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?session=\n", Token);

        // Act
        var allowed = rules.IsAllowed(path);

        // Assert
        allowed.ShouldBe(expected);
    }

    [Fact]
    public void IsAllowed_EmptyDisallowAndCommentsAndUnknownFields_AllowsEverything()
    {
        // Arrange
        var rules = RobotsRules.Parse("# our site\r\nUser-agent: *\r\nDisallow:\r\nCrawl-delay: 10\r\nSitemap: http://example.test/sitemap.xml\r\n", Token);

        // Act
        var allowed = rules.IsAllowed("/anything");

        // Assert
        allowed.ShouldBeTrue();
    }

    [Fact]
    public void IsAllowed_NoGroupForUsOrStar_AllowsEverything()
    {
        // Arrange
        var rules = RobotsRules.Parse("User-agent: OtherBot\nDisallow: /\n", Token);

        // Act
        var allowed = rules.IsAllowed("/news");

        // Assert
        allowed.ShouldBeTrue();
    }

    [Fact]
    public void IsAllowed_DisallowAllStillAsksForRobotsTxt_RobotsTxtAllowed()
    {
        // Arrange
        var rules = RobotsRules.DisallowAll;

        // Act
        var (robots, page) = (rules.IsAllowed("/robots.txt"), rules.IsAllowed("/news"));

        // Assert
        (robots, page).ShouldBe((true, false));
    }
}
