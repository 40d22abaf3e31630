using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// One story decision as one database transaction: opened with the article's keys locked and their candidates
/// read (<see cref="IArticleRepository.BeginStoryDecisionAsync"/>), then ended by one of the two commits, which
/// write the outcome and commit (releasing the locks) together. Disposing without a commit rolls everything back.
/// </summary>
public interface IStoryDecision : IAsyncDisposable
{
    StoryCandidates Candidates { get; }

    /// <summary>Writes a new story's record, its first sighting, its fingerprint and band keys, and commits; the record's
    /// outbox row leased until <paramref name="leasedUntil"/> to the process deciding, which publishes it itself (null:
    /// leased to none, for any dispatcher to claim).</summary>
    Task CommitNewStoryAsync(ArticleStored record, StoryFacts story, DateTimeOffset? leasedUntil, CancellationToken cancellationToken);

    /// <summary>Records another sighting of story <paramref name="storyId"/>, with another version of its text when given, and commits.</summary>
    Task CommitSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, StoryFacts? newVersion, CancellationToken cancellationToken);
}
