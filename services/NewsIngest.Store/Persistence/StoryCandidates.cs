using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>One stored text of a story: its fingerprint as <see cref="Dedup.StoryFingerprint.ToStoredBytes"/> wrote it.</summary>
public sealed record StoredVersion(Guid StoryId, byte[] Fingerprint);

/// <summary>
/// What the database holds under one decision's keys, read while they are locked.
/// </summary>
/// <param name="OwnStory">The story of this very article id, when it is stored already (a redelivery).</param>
/// <param name="ByCanonicalUrl">A story stored within the window under the same canonical URL.</param>
/// <param name="ByContentHash">The story of an article with the same normalised text.</param>
/// <param name="NearDuplicates">Stored versions within the window sharing at least one band key: those sharing the most, at most <see cref="SqlStoryDecision.MostCandidates"/>.</param>
public sealed record StoryCandidates(Guid? OwnStory, Guid? ByCanonicalUrl, Guid? ByContentHash, IReadOnlyList<StoredVersion> NearDuplicates)
{
    /// <summary>The text of the article stored under the same canonical URL, which the newcomer's text must resemble
    /// for the URL to count (null when there is none).</summary>
    public ParsedArticle? CanonicalArticle { get; init; }
}
