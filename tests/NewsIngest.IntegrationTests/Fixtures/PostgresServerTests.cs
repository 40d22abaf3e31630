using NewsIngest.Testing;
using Npgsql;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class PostgresServerTests(DatabaseFixture database)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task CreateDatabase_FreshDatabase_AcceptsCreateInsertSelect()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync(cancellationToken: Cancellation);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(Cancellation);

        // Act
        await Execute(connection, "CREATE TABLE articles (id uuid PRIMARY KEY, title text NOT NULL)");
        await using (var insert = new NpgsqlCommand("INSERT INTO articles (id, title) VALUES (@id, @title)", connection))
        {
            insert.Parameters.AddWithValue("id", Guid.NewGuid());
            insert.Parameters.AddWithValue("title", "Harbour reopens after storm");
            await insert.ExecuteNonQueryAsync(Cancellation);
        }

        await using var select = new NpgsqlCommand("SELECT title FROM articles", connection);
        var title = await select.ExecuteScalarAsync(Cancellation);

        // Assert
        title.ShouldBe("Harbour reopens after storm");
        new NpgsqlConnectionStringBuilder(connectionString).Host.ShouldBe("127.0.0.1");
    }

    [Fact]
    public async Task CreateDatabase_TwoDatabases_DoNotShareTables()
    {
        // Arrange
        var first = await database.Server.CreateDatabaseAsync(cancellationToken: Cancellation);
        var second = await database.Server.CreateDatabaseAsync(cancellationToken: Cancellation);
        await using var firstConnection = new NpgsqlConnection(first);
        await firstConnection.OpenAsync(Cancellation);
        await Execute(firstConnection, "CREATE TABLE only_in_first (id int)");
        await using var secondConnection = new NpgsqlConnection(second);
        await secondConnection.OpenAsync(Cancellation);

        // Act
        await using var lookup = new NpgsqlCommand("SELECT to_regclass('only_in_first') IS NULL", secondConnection);
        var missing = await lookup.ExecuteScalarAsync(Cancellation);

        // Assert
        first.ShouldNotBe(second);
        missing.ShouldBe(true);
    }

    [Fact]
    public async Task CreateDatabase_NameWithQuote_IsRejected()
    {
        // Arrange
        var name = "evil\"; DROP DATABASE postgres; --";

        // Act
        var rejected = await Should.ThrowAsync<ArgumentException>(() => database.Server.CreateDatabaseAsync(name, Cancellation));

        // Assert
        rejected.ParamName.ShouldBe("name");
    }

    [Fact]
    public async Task DisposeAsync_RunningServer_StopsItAndRemovesDirectory()
    {
        // Arrange
        var server = await PostgresServer.StartAsync(Cancellation);
        var (connectionString, directory) = (server.ConnectionString, server.Directory);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync(Cancellation);
        }

        // Act
        await server.DisposeAsync();

        // Assert
        Directory.Exists(directory).ShouldBeFalse();
        await using var refused = new NpgsqlConnection(connectionString + ";Pooling=false;Timeout=3");
        await Should.ThrowAsync<NpgsqlException>(() => refused.OpenAsync(Cancellation));
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(Cancellation);
    }
}
