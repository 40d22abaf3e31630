using Microsoft.Data.Sqlite;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Cli.Reading;

/// <summary>Reads an embedded store (the SQLite file <c>newsingest run</c> writes) with the store's own queries.</summary>
public sealed class DatabaseStoreReader : IStoreReader
{
    private readonly ArticleQueries _queries;

    private DatabaseStoreReader(string path)
    {
        Location = path;
        _queries = new ArticleQueries(SqlDialect.Sqlite($"Data Source={path};Mode=ReadOnly;Pooling=False"));
    }

    public string Location { get; }

    public static DatabaseStoreReader Open(string path)
    {
        var full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw CliException.Usage($"{full}: no such database; 'newsingest run --once' writes one there (or give --db FILE / --api URL)");
        }

        return new DatabaseStoreReader(full);
    }

    public Task<ArticlePage> ListAsync(ArticleQuery query, CancellationToken cancellationToken) =>
        Guard(() => _queries.ListAsync(query, cancellationToken));

    public Task<ArticleStored?> FindAsync(Guid articleId, CancellationToken cancellationToken) =>
        Guard(() => _queries.FindAsync(articleId, cancellationToken));

    public Task<StoryView?> FindStoryAsync(Guid storyId, CancellationToken cancellationToken) =>
        Guard(() => _queries.FindStoryAsync(storyId, cancellationToken));

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private async Task<T> Guard<T>(Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (SqliteException ex)
        {
            throw CliException.Usage($"{Location} is not a NewsIngest database ({ex.Message.TrimEnd('.')})");
        }
    }
}
