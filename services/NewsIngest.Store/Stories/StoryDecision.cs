using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Stories;

public enum StoryOutcome
{
    /// <summary>A story not seen before: a new record, published to the topic.</summary>
    NewStory = 1,

    /// <summary>Another sighting of a stored story (same URL, same text or a near-duplicate): no new record.</summary>
    Sighting = 2,

    /// <summary>This very article again (a redelivery): nothing to do.</summary>
    Redelivery = 3,
}

/// <param name="Outcome">What the store did.</param>
/// <param name="StoryId">The story the article belongs to (its own id for a new story).</param>
/// <param name="Reason">Why, for the log: which evidence matched.</param>
public sealed record StoryDecision(StoryOutcome Outcome, Guid StoryId, string Reason)
{
    /// <summary>How long the decision took, locks and round trips included.</summary>
    public TimeSpan Elapsed { get; init; }

    /// <summary>Other decisions of this process under way when this one started.</summary>
    public int Alongside { get; init; }

    /// <summary>Stored versions that shared a band key and were verified (the flat-cost claim, measurable).</summary>
    public int Candidates { get; init; }

    /// <summary>The near-duplicate match, when that is what decided.</summary>
    public StoryMatch? Match { get; init; }

    /// <summary>A new story's outbox row is leased to this process until then: it is to publish the record itself
    /// (<see cref="StoryDeduplicator.OwnPublishLease"/>); null when any dispatcher may claim it.</summary>
    public DateTimeOffset? LeasedUntil { get; init; }

    /// <summary>A canonical URL under which a story is stored but whose text the article does not resemble, so the URL
    /// did not count (issue 10, row 9: dedup poisoning); null otherwise.</summary>
    public IgnoredCanonicalUrl? IgnoredCanonicalUrl { get; init; }
}
