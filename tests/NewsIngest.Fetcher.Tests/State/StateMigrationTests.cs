using Microsoft.Data.Sqlite;
using NewsIngest.Data;
using NewsIngest.Data.Migrations;
using NewsIngest.Fetcher.State;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.State;

/// <summary>The fetcher's state schema through the shared runner: a database of the runner before it is adopted in place.</summary>
public sealed class StateMigrationTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private readonly string _directory = TestDirectory.Create("fetcher-migrations");

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        await TestDirectory.DeleteAsync(_directory);
    }

    [Theory]
    [InlineData("postgres")]
    [InlineData("sqlite")]
    public async Task Migrate_DatabaseOfPreviousRunner_AdoptsItAndKeepsTheFeeds(string provider)
    {
        // Arrange: what the runner before the journal left (version 1 in schema_version) and a feed in it.
        await using var dialect = provider == "postgres"
            ? SqlDialect.Postgres(await database.Server.CreateDatabaseAsync(cancellationToken: Token))
            : SqlDialect.Sqlite($"Data Source={Path.Combine(_directory, "state.db")};Pooling=False", writeAheadLog: true);
        var versions = dialect.Table(StateSchema.Name, "schema_version");
        await ExecuteAsync(dialect, dialect.NativeTypes ? "CREATE SCHEMA fetcher" : "SELECT 1");
        await ExecuteAsync(dialect, $"CREATE TABLE {versions} (version integer NOT NULL)");
        await ExecuteAsync(dialect, StateSchema.For(dialect).Scripts[0]);
        await ExecuteAsync(dialect, $"INSERT INTO {versions} (version) VALUES (1)");
        await ExecuteAsync(dialect, $"INSERT INTO {dialect.Table(StateSchema.Name, "feeds")} (feed_id, feed_url, next_poll) VALUES ('kept', 'http://feeds.example.org/kept.xml', 0)");
        var store = new FeedStateStore(dialect);

        // Act
        var result = await store.MigrateAsync(Token);
        var again = await store.MigrateAsync(Token);

        // Assert
        // Version 1 adopted, the migrations after it applied (version 2: the replicas' heartbeats and the feeds' last owner).
        result.ShouldBe(new MigrationResult(Version: StateSchema.Postgres.Count, Applied: StateSchema.Postgres.Count - 1, Adopted: 1));
        again.ShouldBe(new MigrationResult(Version: StateSchema.Postgres.Count, Applied: 0, Adopted: 0));
        (await store.ListAsync(Token)).Select(feed => feed.FeedId).ShouldBe(["kept"]);
    }

    private static async Task ExecuteAsync(SqlDialect dialect, string sql)
    {
        await using var connection = await dialect.OpenAsync(Token);
        await connection.ExecuteAsync(null, sql, [], Token);
    }
}
