using Npgsql;

namespace NewsIngest.IntegrationTests.Store;

/// <summary>Reads a store's PostgreSQL database the way an operator would, with plain SQL.</summary>
public static class StoreDatabase
{
    /// <summary>Outbox rows (records and sightings) not yet published.</summary>
    public static Task<long> PendingAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT (SELECT COUNT(*) FROM article_outbox) + (SELECT COUNT(*) FROM sightings WHERE NOT published_to_topic)");

    public static Task<long> CountArticlesAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT COUNT(*) FROM articles");

    public static Task<long> CountArticleAsync(string connectionString, Guid articleId) =>
        ScalarAsync(connectionString, "SELECT COUNT(*) FROM articles WHERE article_id = @id", articleId);

    /// <summary>Each article is a story of its own or a sighting of another one; either way it is in the store once.</summary>
    public static Task<long> StoredOrSightedAsync(string connectionString) =>
        ScalarAsync(connectionString, "SELECT (SELECT COUNT(*) FROM articles) + (SELECT COUNT(*) FROM sightings WHERE article_id <> story_id)");

    public static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<long> ScalarAsync(string connectionString, string sql, Guid? id = null)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (id is { } value)
        {
            command.Parameters.AddWithValue("id", value);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
