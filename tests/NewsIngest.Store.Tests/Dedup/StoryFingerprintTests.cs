using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Tests.Dedup;

public sealed class StoryFingerprintTests
{
    private static readonly string[] Body =
    [
        "The Harwick ferry will stop running on Sundays from next month because too few passengers use it, the operator said on Friday.",
        "Weekday crossings will continue every half hour between 6 a.m. and 8 p.m., and the Saturday timetable will not change.",
        "Local councillors said the decision would hurt shops on the island, which rely on weekend visitors.",
    ];

    [Fact]
    public void Of_SameBodyUnderAnotherHeadlineWithBoilerplate_GivesTheSameBytes()
    {
        // Arrange
        string[] syndicated =
        [
            "By Jane Holloway",
            "HARWICK (Coast News Service) - " + Body[0],
            .. Body[1..],
            "Read more: Island shops fear for winter trade",
            "Sign up for our newsletter to get the top stories in your inbox every morning.",
            "Copyright 2026 Coast News Service. All rights reserved.",
            "Source: Coast News Service",
        ];

        // Act
        var original = StoryFingerprint.Of("Harwick ferry to stop Sunday service", Body);
        var copy = StoryFingerprint.Of("Island loses its Sunday ferry", syndicated);

        // Assert
        copy.ToBytes().ShouldBe(original.ToBytes());
    }

    [Fact]
    public void Of_RecasedRespacedAndCurlyQuotes_GivesTheSameBytes()
    {
        // Arrange
        string[] plain = ["Councillors said the island's shops can't cope with 1,500 fewer visitors."];
        string[] styled = ["COUNCILLORS  said the island\u2019s shops can\u2019t cope with 1500 fewer visitors!"];

        // Act
        var first = StoryFingerprint.Of("T", plain);
        var second = StoryFingerprint.Of("T", styled);

        // Assert
        second.ToBytes().ShouldBe(first.ToBytes());
    }

    [Fact]
    public void Of_AnotherNumber_GivesAnotherFingerprint()
    {
        // Act
        var first = StoryFingerprint.Of("T", ["Shares rose 2.3 percent on Monday after the results were published."]);
        var second = StoryFingerprint.Of("T", ["Shares rose 3.2 percent on Monday after the results were published."]);

        // Assert
        second.ToBytes().ShouldNotBe(first.ToBytes());
    }

    [Fact]
    public void ToBytes_ThenFromBytes_RoundTrips()
    {
        // Arrange
        var original = StoryFingerprint.Of("Harwick ferry to stop Sunday service", Body);

        // Act
        var restored = StoryFingerprint.FromBytes(original.ToBytes());

        // Assert
        restored.ShingleCount.ShouldBe(original.ShingleCount);
        restored.ToBytes().ShouldBe(original.ToBytes());
    }

    [Fact]
    public void FromBytes_TruncatedValue_Throws()
    {
        // Arrange
        var bytes = StoryFingerprint.Of("Harwick ferry to stop Sunday service", Body).ToBytes();

        // Act
        var act = () => StoryFingerprint.FromBytes(bytes.AsSpan(0, bytes.Length / 2));

        // Assert
        act.ShouldThrow<FormatException>();
    }

    [Fact]
    public void FromBytes_PartLongerThanItsVersionAllows_Throws()
    {
        // Arrange: version 1, five shingles, a sketch of 200 values where at most 128 are kept.
        var forged = new List<byte> { 1 };
        forged.AddRange(BitConverter.GetBytes(5));
        foreach (var length in new[] { 0, 200, 0, 0, StoryFingerprint.BodyBands + StoryFingerprint.LedeBands, 0 })
        {
            forged.AddRange(BitConverter.GetBytes(length));
            forged.AddRange(new byte[length * 4]);
        }

        // Act
        var act = () => StoryFingerprint.FromBytes(forged.ToArray());

        // Assert
        act.ShouldThrow<FormatException>();
    }

    [Fact]
    public void Of_NoWordsAtAll_IsEmpty()
    {
        // Act
        var fingerprint = StoryFingerprint.Of("  ", ["...", "Copyright 2026 Coast News Service. All rights reserved."]);

        // Assert
        fingerprint.IsEmpty.ShouldBeTrue();
    }

    [Fact]
    public void Of_NearlyNoBody_UsesTheTitle()
    {
        // Act
        var first = StoryFingerprint.Of("Harwick ferry to stop running on Sundays next month", ["Developing."]);
        var second = StoryFingerprint.Of("Stocks slip as inflation surprises the markets again", ["Developing."]);

        // Assert
        first.IsEmpty.ShouldBeFalse();
        second.ToBytes().ShouldNotBe(first.ToBytes());
    }

    [Fact]
    public void Of_LongParagraphMentioningANewsletter_IsKept()
    {
        // Arrange: a long paragraph is story, not plug, whatever words it uses.
        var story = "The council will send a newsletter to every household on the island explaining the new timetable, "
            + "the reasons for the change and the discounts on weekday return tickets that the operator has offered to "
            + "regular passengers, including pensioners and students who travel to the college on the mainland.";

        // Act
        var with = StoryFingerprint.Of("T", [Body[0], story]);
        var without = StoryFingerprint.Of("T", [Body[0]]);

        // Assert
        with.ShingleCount.ShouldBeGreaterThan(without.ShingleCount);
    }
}
