using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Cli.Reading;

/// <summary>The store's query API as the CLI reads it: from a database file or from a running store over HTTP.</summary>
public interface IStoreReader : IAsyncDisposable
{
    /// <summary>Where the records are read from, for messages.</summary>
    string Location { get; }

    Task<ArticlePage> ListAsync(ArticleQuery query, CancellationToken cancellationToken);

    Task<ArticleStored?> FindAsync(Guid articleId, CancellationToken cancellationToken);

    Task<StoryView?> FindStoryAsync(Guid storyId, CancellationToken cancellationToken);
}
