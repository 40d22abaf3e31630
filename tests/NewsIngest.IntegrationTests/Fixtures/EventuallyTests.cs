using NewsIngest.Testing;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class EventuallyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task UntilAsync_ConditionTurnsTrue_ReturnsAfterPolling()
    {
        // Arrange
        var polls = 0;

        // Act
        await Eventually.UntilAsync(() => ++polls >= 3, TimeSpan.FromSeconds(10), "the third poll", Cancellation);

        // Assert
        polls.ShouldBe(3);
    }

    [Fact]
    public async Task UntilAsync_ConditionNeverTrue_ThrowsTimeoutNamingReason()
    {
        // Arrange
        static Task<bool> never() => Task.FromResult(false);

        // Act
        var failure = await Should.ThrowAsync<TimeoutException>(
            () => Eventually.UntilAsync(never, TimeSpan.FromMilliseconds(100), "the feed was fetched twice", Cancellation));

        // Assert
        failure.Message.ShouldContain("the feed was fetched twice");
    }

    [Fact]
    public async Task UntilAsync_ConditionKeepsThrowing_AttachesLastException()
    {
        // Arrange
        static bool broken() => throw new InvalidDataException("table articles does not exist");

        // Act
        var failure = await Should.ThrowAsync<TimeoutException>(
            () => Eventually.UntilAsync(broken, TimeSpan.FromMilliseconds(100), "a row was stored", Cancellation));

        // Assert
        failure.InnerException.ShouldBeOfType<InvalidDataException>();
        failure.Message.ShouldContain("table articles does not exist");
    }
}
