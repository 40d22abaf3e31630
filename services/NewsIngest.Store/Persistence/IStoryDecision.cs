using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// One story decision as one database transaction: opened with the article's keys locked and their candidates
/// read (<see cref="IArticleRepository.BeginStoryDecisionAsync"/>), then one write, then the commit that
/// releases the locks. Disposing without <see cref="CommitAsync"/> rolls everything back.
/// </summary>
public interface IStoryDecision : IAsyncDisposable
{
    StoryCandidates Candidates { get; }

    /// <summary>Writes a new story's record, its first sighting, its fingerprint and band keys.</summary>
    Task SaveNewStoryAsync(ArticleStored record, StoryFacts story, CancellationToken cancellationToken);

    /// <summary>Records another sighting of story <paramref name="storyId"/>, with another version of its text when given.</summary>
    Task AddSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, StoryFacts? newVersion, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
