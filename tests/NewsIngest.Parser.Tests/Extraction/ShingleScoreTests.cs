using NewsIngest.Parser.Extraction.Evaluation;
using Shouldly;
using Xunit;

namespace NewsIngest.Parser.Tests.Extraction;

public sealed class ShingleScoreTests
{
    [Fact]
    public void Tokens_MixedScriptsAndMarks_FollowPythonWordRule()
    {
        // Act
        var tokens = ShingleScore.Tokens("Ferry's 2nd_trip, ½ price — 東京 ok");

        // Assert
        tokens.ShouldBe(["Ferry", "s", "2nd_trip", "½", "price", "東京", "ok"]);
    }

    [Fact]
    public void PageCounts_PartialOverlap_NormalisesToOne()
    {
        // Arrange: truth has 3 shingles (a b c d, b c d e, c d e f); prediction 2 (a b c d, b c d x).
        // Act
        var counts = ShingleScore.PageCounts("a b c d e f", "a b c d x");

        // Assert
        counts.Tp.ShouldBe(1.0 / 4, 1e-12);
        counts.Fp.ShouldBe(1.0 / 4, 1e-12);
        counts.Fn.ShouldBe(2.0 / 4, 1e-12);
    }

    [Fact]
    public void Aggregate_EmptyPrediction_CostsRecallOnly()
    {
        // Arrange
        var pages = new[]
        {
            ShingleScore.PageCounts("one two three four five", "one two three four five"),
            ShingleScore.PageCounts("one two three four five", string.Empty),
        };

        // Act
        var result = ShingleScore.Aggregate(pages);

        // Assert
        result.Precision.ShouldBe(1.0);
        result.Recall.ShouldBe(0.5);
        result.F1.ShouldBe(2 * 0.5 / 1.5, 1e-12);
    }

    [Fact]
    public void PageCounts_ShortText_IsOneShingle()
    {
        // Act
        var counts = ShingleScore.PageCounts("ferry vote", "ferry vote");

        // Assert
        counts.ShouldBe(new ShingleScore.Counts(1, 0, 0));
    }
}
