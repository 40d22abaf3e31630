using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>The system of record. Unique keys (article id, content hash) make every write idempotent.</summary>
public interface IArticleRepository
{
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<SaveOutcome> SaveAsync(ArticleStored record, CancellationToken cancellationToken);

    /// <summary>
    /// The outbox: claims up to <paramref name="batchSize"/> stored records not yet published (rows another
    /// replica is publishing are skipped), hands each to <paramref name="publish"/>, and marks them published
    /// in the same transaction. A crash before the commit leaves them pending: published again later, with
    /// the same message id, never lost.
    /// </summary>
    Task<int> DispatchPendingAsync(Func<ArticleStored, Task> publish, int batchSize, CancellationToken cancellationToken);

    Task<long> CountPendingAsync(CancellationToken cancellationToken);

    Task SaveRejectionAsync(ArticleRejected rejection, CancellationToken cancellationToken);

    Task<long> CountArticlesAsync(CancellationToken cancellationToken);
}
