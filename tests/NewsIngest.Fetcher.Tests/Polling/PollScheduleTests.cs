using NewsIngest.Fetcher.Feeds;
using NewsIngest.Fetcher.Http;
using NewsIngest.Fetcher.Polling;

namespace NewsIngest.Fetcher.Tests.Polling;

public sealed class PollScheduleTests
{
    private static readonly FetchResponse Ok = new() { StatusCode = 200, FinalUrl = new Uri("http://feeds.example.org/a.xml") };

    private readonly PollSchedule _schedule = new(TimeSpan.FromMinutes(5), TimeSpan.FromDays(1), () => 0.0);

    [Fact]
    public void AfterSuccess_NoHints_UsesTheFeedIntervalElseTheDefault()
    {
        // Act
        var own = _schedule.AfterSuccess(TimeSpan.FromMinutes(2), Ok, new FeedDocument());
        var fallback = _schedule.AfterSuccess(null, Ok, new FeedDocument());

        // Assert
        (own, fallback).ShouldBe((TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void AfterSuccess_Ttl_IsHonoured()
    {
        // Act
        var wait = _schedule.AfterSuccess(null, Ok, new FeedDocument { Ttl = 60 });

        // Assert
        wait.ShouldBe(TimeSpan.FromHours(1));
    }

    [Fact]
    public void AfterSuccess_SyndicationUpdatePeriod_IsHonoured()
    {
        // Act
        var wait = _schedule.AfterSuccess(null, Ok, new FeedDocument { UpdatePeriod = "daily", UpdateFrequency = 4 });

        // Assert
        wait.ShouldBe(TimeSpan.FromHours(6));
    }

    [Fact]
    public void AfterSuccess_CacheControlMaxAge_IsHonoured()
    {
        // Act
        var wait = _schedule.AfterSuccess(null, Ok with { MaxAge = TimeSpan.FromMinutes(30) }, null);

        // Assert
        wait.ShouldBe(TimeSpan.FromMinutes(30));
    }

    [Fact]
    public void AfterSuccess_HugeHint_IsCappedAtTheMaximum()
    {
        // Act
        var wait = _schedule.AfterSuccess(null, Ok, new FeedDocument { UpdatePeriod = "yearly" });

        // Assert
        wait.ShouldBe(TimeSpan.FromDays(1));
    }

    [Fact]
    public void AfterFailure_ConsecutiveErrors_DoubleTheWait()
    {
        // Act
        var waits = Enumerable.Range(1, 4).Select(errors => _schedule.AfterFailure(null, errors, null)).ToList();

        // Assert
        waits.ShouldBe([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(20), TimeSpan.FromMinutes(40)]);
    }

    [Fact]
    public void AfterFailure_Jitter_AddsAtMostAQuarter()
    {
        // Arrange
        var schedule = new PollSchedule(TimeSpan.FromMinutes(4), TimeSpan.FromDays(1), () => 1.0);

        // Act
        var wait = schedule.AfterFailure(null, 1, null);

        // Assert
        wait.ShouldBe(TimeSpan.FromMinutes(5));
    }

    [Fact]
    public void AfterFailure_RetryAfterLongerThanBackoff_WinsButIsCapped()
    {
        // Act
        var honoured = _schedule.AfterFailure(null, 1, TimeSpan.FromHours(2));
        var capped = _schedule.AfterFailure(null, 1, TimeSpan.FromDays(30));

        // Assert
        (honoured, capped).ShouldBe((TimeSpan.FromHours(2), TimeSpan.FromDays(1)));
    }

    [Fact]
    public void AfterFailure_ManyErrors_NeverPassesTheMaximum()
    {
        // Act
        var wait = _schedule.AfterFailure(null, 500, null);

        // Assert
        wait.ShouldBe(TimeSpan.FromDays(1));
    }
}
