using NewsIngest.Fetcher.Feeds;
using Shouldly;
using Xunit;

namespace NewsIngest.Fetcher.Tests.Feeds;

public sealed class FeedDateParserTests
{
    [Theory]
    [InlineData("Thu, 01 Jan 2004 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Thu, 1 Jan 2004 19:48:21 +0000", "2004-01-01T19:48:21Z")]
    [InlineData("01 Jan 2004 19:48 EST", "2004-01-02T00:48:00Z")]
    [InlineData("Sat, 05 Apr 2025 09:15:00 PDT", "2025-04-05T16:15:00Z")]
    [InlineData("Thu, 01 Jan 04 19:48:21 GMT", "2004-01-01T19:48:21Z")]
    [InlineData("Fri, 31 Dec 99 23:00:00 GMT", "1999-12-31T23:00:00Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 Z", "2003-12-31T10:14:55Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 N", "2003-12-31T09:14:55Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 D", "2003-12-31T14:14:55Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 M", "2003-12-31T22:14:55Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 Y", "2003-12-30T22:14:55Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 -05:30", "2003-12-31T15:44:55Z")]
    [InlineData("Wed, 31 Dec 2003 10:14:55 GMT+2", "2003-12-31T08:14:55Z")]
    [InlineData("Dec 31 2003 10:14:55 GMT", "2003-12-31T10:14:55Z")]
    [InlineData("31 Dec 2003", "2003-12-31T00:00:00Z")]
    [InlineData("31-Dec-2003 10:14:55 GMT", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31T10:14:55Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31T10:14:55-08:00", "2003-12-31T18:14:55Z")]
    [InlineData("2003-12-31T10:14:55.25+01:00", "2003-12-31T09:14:55.25Z")]
    [InlineData("2003-12-31T10:14Z", "2003-12-31T10:14:00Z")]
    [InlineData("2003-12-31T10:14:55", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31 10:14:55", "2003-12-31T10:14:55Z")]
    [InlineData("2003-12-31", "2003-12-31T00:00:00Z")]
    [InlineData("2003-12", "2003-12-01T00:00:00Z")]
    [InlineData("2003", "2003-01-01T00:00:00Z")]
    [InlineData("20031231T101455Z", "2003-12-31T10:14:55Z")]
    [InlineData("2003-365", "2003-12-31T00:00:00Z")]
    [InlineData("Sun Jan  4 16:29:06 PST 2004", "2004-01-05T00:29:06Z")]
    [InlineData("Sun Jan 4 16:29:06 2004", "2004-01-04T16:29:06Z")]
    [InlineData("Fri, 2006/09/15 08:19:53 EDT", "2006-09-15T12:19:53Z")]
    public void Parse_DateFormSeenInFeeds_ReturnsUtcInstant(string text, string expected)
    {
        // Act
        var parsed = FeedDateParser.Parse(text);

        // Assert
        parsed.ShouldBe(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("soon")]
    [InlineData("Thu, 32 Jan 2004 19:48:21 GMT")]
    [InlineData("2004-13-01")]
    [InlineData("Thu, 01 Foo 2004 19:48:21 GMT")]
    [InlineData("2003-12-31T25:14:55Z")]
    public void Parse_Garbage_ReturnsNull(string? text)
    {
        // Act
        var parsed = FeedDateParser.Parse(text);

        // Assert
        parsed.ShouldBeNull();
    }
}
