using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>The system of record. Unique keys (article id, content hash) make every write idempotent.</summary>
public interface IArticleRepository
{
    Task MigrateAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Writes a new story's record, its first sighting and its fingerprint in one transaction; a conflict on
    /// the article id or the content hash writes nothing and says which.
    /// </summary>
    Task<SaveOutcome> SaveAsync(ArticleStored record, StoryFacts story, CancellationToken cancellationToken);

    /// <summary>Records another sighting of a stored story (idempotent per article id); true when new.</summary>
    Task<bool> AddSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, byte[]? newVersion, CancellationToken cancellationToken);

    /// <summary>Fingerprints added after <paramref name="afterSeq"/>, in order: how a replica's index catches up.</summary>
    Task<IReadOnlyList<StoryVersion>> ReadStoryVersionsAsync(long afterSeq, CancellationToken cancellationToken);

    /// <summary>
    /// Serialises story decisions across store replicas (a PostgreSQL advisory lock held until disposed), so two
    /// near-duplicates arriving at once on two replicas cannot both become new stories. SQLite: a single process.
    /// </summary>
    Task<IAsyncDisposable> LockStoryDecisionsAsync(CancellationToken cancellationToken);

    Task<Guid?> FindStoryByCanonicalUrlAsync(string canonicalUrl, CancellationToken cancellationToken);

    Task<Guid?> StoryOfAsync(Guid articleId, CancellationToken cancellationToken);

    /// <summary>Stored records not yet published to the topic (the outbox itself is <see cref="SqlOutbox"/>).</summary>
    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    Task SaveRejectionAsync(ArticleRejected rejection, CancellationToken cancellationToken);

    Task<long> CountArticlesAsync(CancellationToken cancellationToken);
}
