using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>The system of record. Unique keys (article id, content hash) make every write idempotent.</summary>
public interface IArticleRepository
{
    Task MigrateAsync(CancellationToken cancellationToken);

    Task<SaveOutcome> SaveAsync(ArticleStored record, CancellationToken cancellationToken);

    Task MarkPublishedAsync(Guid articleId, CancellationToken cancellationToken);

    Task SaveRejectionAsync(ArticleRejected rejection, CancellationToken cancellationToken);

    Task<long> CountArticlesAsync(CancellationToken cancellationToken);
}
