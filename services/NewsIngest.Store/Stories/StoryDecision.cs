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
public sealed record StoryDecision(StoryOutcome Outcome, Guid StoryId, string Reason);
