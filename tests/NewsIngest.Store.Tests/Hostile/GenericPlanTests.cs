using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.Store.Tests.Hostile;

/// <summary>
/// The store's hot statements are prepared, so PostgreSQL runs them on a generic plan, and in a fresh database that
/// plan is made before autovacuum has given the tables statistics. Each must still read the big tables (articles,
/// sightings, story versions) by their keys, never by a scan that grows with them: 3,000 stored articles, tables never
/// analysed, <c>plan_cache_mode = force_generic_plan</c>, and the plan of the very statement text the store sends
/// (executed: the claims lease rows of this throwaway database).
/// </summary>
public sealed class GenericPlanTests(DatabaseFixture database, ITestOutputHelper output) : IClassFixture<DatabaseFixture>
{
    private static readonly string[] BigTables = ["articles", "sightings", "story_versions"];

    [Fact]
    public async Task Explain_HotStatementsOnGenericPlansWithoutStatistics_ReadBigTablesByKey()
    {
        // Arrange
        var dialect = SqlDialect.Postgres(await database.Server.CreateDatabaseAsync());
        await using (dialect.DataSource)
        {
            await new SqlArticleRepository(dialect).MigrateAsync(CancellationToken.None);
            await using var connection = (NpgsqlConnection)await dialect.DataSource.OpenConnectionAsync();
            await ExecuteAsync(connection, SeedSql);
            await ExecuteAsync(connection, "SET plan_cache_mode = force_generic_plan");

            // Act
            var plans = new Dictionary<string, IReadOnlyList<string>>
            {
                ["near-duplicate candidates"] = await SeqScansAsync(connection, "(integer[], timestamptz)", ToPositional(SqlStoryDecision.NearDuplicatesByVersion), "(ARRAY[7, 70, 700], timestamptz '2026-01-01')"),
                ["records claim"] = await SeqScansAsync(connection, "(timestamptz, timestamptz)", ToPositional(OutboxLanes.Records.ClaimStatement(dialect, 50)), "(now() + interval '30 seconds', now())"),
                ["sightings claim"] = await SeqScansAsync(connection, "(timestamptz, timestamptz)", ToPositional(OutboxLanes.Sightings.ClaimStatement(dialect, 50)), "(now() + interval '30 seconds', now())"),
            };

            // Assert
            foreach (var (name, scans) in plans)
            {
                output.WriteLine($"{name}: sequential scans of [{string.Join(", ", scans)}]");
                scans.Intersect(BigTables).ShouldBeEmpty(name);
            }
        }
    }

    /// <summary>3,000 articles with one sighting, one version and four band keys each; 200 records and 100 later
    /// sightings wait in the outbox. Autovacuum is off for every table, so none has statistics.</summary>
    private const string SeedSql = """
        ALTER TABLE articles SET (autovacuum_enabled = false);
        ALTER TABLE sightings SET (autovacuum_enabled = false);
        ALTER TABLE story_versions SET (autovacuum_enabled = false);
        ALTER TABLE story_bands SET (autovacuum_enabled = false);
        ALTER TABLE article_outbox SET (autovacuum_enabled = false);
        INSERT INTO articles (article_id, correlation_id, content_hash, title, language, category, stored_at, record, story_id)
        SELECT id, id, md5(i::text), 'Story ' || i, 'en', 'world', at, jsonb_build_object('articleId', id), id
        FROM (SELECT i, md5('story ' || i)::uuid AS id, timestamptz '2026-11-01 00:00:00+00' + i * interval '1 minute' AS at
              FROM generate_series(1, 3000) AS i) AS s;
        INSERT INTO sightings (article_id, story_id, source, similarity, seen_at, published_to_topic)
        SELECT article_id, article_id, 'Wire', 1.0, stored_at, true FROM articles;
        INSERT INTO sightings (article_id, story_id, source, similarity, seen_at, published_to_topic)
        SELECT gen_random_uuid(), article_id, 'Wire', 0.9, stored_at + interval '1 second', false FROM articles ORDER BY stored_at LIMIT 100;
        INSERT INTO article_outbox (article_id, stored_at) SELECT article_id, stored_at FROM articles ORDER BY stored_at DESC LIMIT 200;
        INSERT INTO story_versions (story_id, fingerprint, seen_at, banded) SELECT article_id, '\x00'::bytea, stored_at, true FROM articles;
        INSERT INTO story_bands (band_key, seq, seen_at) SELECT (v.seq * 4 + b)::integer, v.seq, v.seen_at FROM story_versions v, generate_series(0, 3) AS b;
        """;

    /// <summary>The statement with its named parameters as <c>$1</c>, <c>$2</c> in order of first use.</summary>
    private static string ToPositional(string sql)
    {
        var names = System.Text.RegularExpressions.Regex.Matches(sql, "@[a-z]+").Select(m => m.Value).Distinct().ToList();
        return names.Aggregate(sql, (text, name) => text.Replace(name, "$" + (names.IndexOf(name) + 1), StringComparison.Ordinal));
    }

    private static async Task<IReadOnlyList<string>> SeqScansAsync(NpgsqlConnection connection, string types, string sql, string arguments)
    {
        await ExecuteAsync(connection, $"DEALLOCATE ALL; PREPARE hot {types} AS {sql}");
        await using var command = connection.CreateCommand();
        command.CommandText = $"EXECUTE hot {arguments}";
        return (await ExplainedPlan.OfAsync(command)).SeqScans;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
