using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

/// <summary>
/// Scores the parser against the shared feed-dev cases (real-world feeds from Python feedparser's test suite)
/// with the rules of shared/feed-dev/score.py. The floor sits a little below the rate reached, so a regression fails.
/// </summary>
public sealed class FeedDevSuiteTests
{
    private const double Floor = 0.98;

    [Fact]
    public void Score_SharedFeedDevCases_PassRateAtLeastFloor()
    {
        // Arrange
        var directory = FeedTestFiles.FeedDevDirectory();
        File.Exists(Path.Combine(directory, "cases.json")).ShouldBeTrue($"the feed-dev suite is missing: {directory}");

        // Act
        var outcomes = FeedDevScorer.Score(directory);

        // Assert
        outcomes.Count.ShouldBeGreaterThan(0);
        var rate = outcomes.Count(o => o.Passed) / (double)outcomes.Count;
        var failures = string.Join(Environment.NewLine, outcomes.Where(o => !o.Passed).Select(o => $"{o.File} {o.Field}: expected {o.Expected}, got {o.Got}"));
        rate.ShouldBeGreaterThanOrEqualTo(Floor, failures);
    }
}
