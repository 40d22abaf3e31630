using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.Data;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// The read side behind the query API. Every value travels as a parameter; only fixed SQL fragments are
/// composed; each query is cancelled after <see cref="StatementTimeoutSeconds"/>. Entities match by exact name (a GIN
/// index on PostgreSQL). Full-text search is PostgreSQL's generated <c>search</c> tsvector; SQLite falls back to LIKE.
/// </summary>
public sealed class ArticleQueries(SqlDialect dialect)
{
    /// <summary>Longest a query may run (seconds): the database is asked to cancel it then, and the request fails.</summary>
    public const int StatementTimeoutSeconds = 5;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static DbCommand QueryCommand(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandTimeout = StatementTimeoutSeconds;
        return command;
    }

    public async Task<ArticlePage> ListAsync(ArticleQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var command = ListCommand(connection, query);
        var items = new List<ArticleStored>();
        ArticleCursor? last = null;
        var more = false;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (items.Count == query.Limit)
            {
                more = true;
                break;
            }

            items.Add(ReadRecord(reader.GetString(0)));
            last = new ArticleCursor(ReadTime(reader.GetValue(1)), SqlDialect.ReadId(reader.GetValue(2)));
        }

        return new ArticlePage(items, more ? last!.Encode() : null);
    }

    /// <summary>The list query's command, parameters set (what <see cref="ListAsync"/> runs; a test reads its plan).</summary>
    public DbCommand ListCommand(DbConnection connection, ArticleQuery query)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(query);
        var command = QueryCommand(connection);
        var conditions = new List<string>();
        if (query.Since is { } since)
        {
            conditions.Add("stored_at >= @since");
            Add(command, "since", dialect.Time(since));
        }

        if (query.Language is { } language)
        {
            conditions.Add("language = @language");
            Add(command, "language", language);
        }

        if (query.Category is { } category)
        {
            conditions.Add("category = @category");
            Add(command, "category", category);
        }

        if (query.Entity is { } entity)
        {
            conditions.Add(dialect.NativeTypes
                ? "record -> 'enrichment' -> 'entities' @> jsonb_build_array(jsonb_build_object('name', CAST(@entity AS text)))"
                : "EXISTS (SELECT 1 FROM json_each(record, '$.enrichment.entities') WHERE json_extract(value, '$.name') = @entity)");
            Add(command, "entity", entity);
        }

        if (query.Text is { } text)
        {
            conditions.Add(dialect.NativeTypes
                ? "search @@ websearch_to_tsquery('simple', @q)"
                : @"(title LIKE @q ESCAPE '\' OR record LIKE @q ESCAPE '\')");
            Add(command, "q", dialect.NativeTypes ? text : $"%{EscapeLike(text)}%");
        }

        if (query.After is { } after)
        {
            conditions.Add("(stored_at < @afterAt OR (stored_at = @afterAt AND article_id < @afterId))");
            Add(command, "afterAt", dialect.Time(after.StoredAt));
            Add(command, "afterId", dialect.Id(after.ArticleId));
        }

        var where = conditions.Count == 0 ? string.Empty : "WHERE " + string.Join(" AND ", conditions);
        command.CommandText = $"SELECT record, stored_at, article_id FROM articles {where} ORDER BY stored_at DESC, article_id DESC LIMIT @limit";
        Add(command, "limit", query.Limit + 1);
        return command;
    }

    public async Task<ArticleStored?> FindAsync(Guid articleId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        return await FindRecordAsync(connection, articleId, cancellationToken);
    }

    public async Task<StoryView?> FindStoryAsync(Guid storyId, CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        var article = await FindRecordAsync(connection, storyId, cancellationToken);
        if (article is null)
        {
            return null;
        }

        await using var command = QueryCommand(connection);
        command.CommandText = "SELECT article_id, source, url, feed_url, similarity, seen_at FROM sightings WHERE story_id = @story ORDER BY seen_at, article_id";
        Add(command, "story", dialect.Id(storyId));
        var sightings = new List<SightingView>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            sightings.Add(new SightingView(
                SqlDialect.ReadId(reader.GetValue(0)),
                NullableText(reader, 1),
                NullableText(reader, 2),
                NullableText(reader, 3),
                reader.GetDouble(4),
                ReadTime(reader.GetValue(5))));
        }

        return new StoryView(storyId, article, sightings);
    }

    /// <summary>The totals of <see cref="StatsAsync"/>.</summary>
    public string StatsTotalsSql => $"""
        SELECT
            (SELECT COUNT(*) FROM articles),
            (SELECT COUNT(DISTINCT story_id) FROM articles),
            (SELECT COUNT(*) FROM sightings),
            (SELECT COUNT(*) FROM rejected_articles),
            (SELECT COUNT(*) FROM article_outbox)
        """;

    /// <summary>The per-language counts of <see cref="StatsAsync"/>.</summary>
    public static string StatsPerLanguageSql => "SELECT language, COUNT(*) FROM articles GROUP BY language ORDER BY language";

    public async Task<StoreStats> StatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
        await using var totals = QueryCommand(connection);
        totals.CommandText = StatsTotalsSql;
        long articles, stories, sightings, rejected, pending;
        await using (var reader = await totals.ExecuteReaderAsync(cancellationToken))
        {
            await reader.ReadAsync(cancellationToken);
            (articles, stories, sightings, rejected, pending) =
                (Count(reader, 0), Count(reader, 1), Count(reader, 2), Count(reader, 3), Count(reader, 4));
        }

        await using var perLanguage = QueryCommand(connection);
        perLanguage.CommandText = StatsPerLanguageSql;
        var languages = new SortedDictionary<string, long>(StringComparer.Ordinal);
        await using (var reader = await perLanguage.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                languages[reader.GetString(0)] = Count(reader, 1);
            }
        }

        return new StoreStats(articles, stories, sightings, rejected, pending, languages);
    }

    private async Task<ArticleStored?> FindRecordAsync(DbConnection connection, Guid articleId, CancellationToken cancellationToken)
    {
        await using var command = QueryCommand(connection);
        command.CommandText = "SELECT record FROM articles WHERE article_id = @id";
        Add(command, "id", dialect.Id(articleId));
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is string json ? ReadRecord(json) : null;
    }

    private static ArticleStored ReadRecord(string json) =>
        JsonSerializer.Deserialize<ArticleStored>(json, Json)
        ?? throw new InvalidOperationException("A stored record was JSON null.");

    private static DateTimeOffset ReadTime(object value) => value switch
    {
        DateTimeOffset time => time.ToUniversalTime(),
        DateTime time => new DateTimeOffset(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind).ToUniversalTime(),
        _ => throw new InvalidOperationException($"Unexpected time value of type {value.GetType()}."),
    };

    private static string? NullableText(DbDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    private static long Count(DbDataReader reader, int ordinal) =>
        Convert.ToInt64(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    private static string EscapeLike(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var character in text)
        {
            if (character is '\\' or '%' or '_')
            {
                escaped.Append('\\');
            }

            escaped.Append(character);
        }

        return escaped.ToString();
    }
}
