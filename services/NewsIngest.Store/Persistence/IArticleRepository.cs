using NewsIngest.Contracts;
using NewsIngest.Data.Migrations;

namespace NewsIngest.Store.Persistence;

/// <summary>The system of record. Unique keys (article id, content hash) make every write idempotent.</summary>
public interface IArticleRepository
{
    /// <summary>Brings the schema up to date (<see cref="Schema"/>) and backfills band keys; the version reached.</summary>
    Task<MigrationResult> MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new story's record, its first sighting and its fingerprint in one transaction; a conflict on
    /// the article id or the content hash writes nothing and says which.
    /// </summary>
    Task<SaveOutcome> SaveAsync(ArticleStored record, StoryFacts story, CancellationToken cancellationToken);

    /// <summary>Records another sighting of a stored story (idempotent per article id), with another version of its text when given; true when new.</summary>
    Task<bool> AddSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, StoryFacts? newVersion, CancellationToken cancellationToken);

    /// <summary>
    /// Opens one story decision: a transaction that locks only this article's keys (its band keys, id, content
    /// hash and canonical URL) and reads what is stored under them. Decisions on unrelated articles run at once,
    /// on any number of replicas; two that could match each other take turns.
    /// </summary>
    Task<IStoryDecision> BeginStoryDecisionAsync(StoryKeys keys, CancellationToken cancellationToken);

    /// <summary>
    /// Deletes story versions seen before <paramref name="before"/> and their band rows, at most
    /// <paramref name="limit"/> versions in one transaction (<see cref="StoryWindowSweep"/>); the number deleted.
    /// </summary>
    Task<int> SweepExpiredVersionsAsync(DateTimeOffset before, int limit, CancellationToken cancellationToken);

    /// <summary>Stored records not yet published to the topic (the outbox itself is <see cref="SqlOutbox"/>).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    Task SaveRejectionAsync(ArticleRejected rejection, CancellationToken cancellationToken);

    Task<long> CountArticlesAsync(CancellationToken cancellationToken);
}
