using System.Data.Common;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.Data;
using static NewsIngest.Data.SqlCommands;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// <see cref="IStoryDecision"/> over one connection and transaction, in two round trips on PostgreSQL: opening
/// sends BEGIN, the statement that takes the keys' advisory transaction locks (<see cref="StoryLocks"/>) and the
/// reads of the candidates (two statements) as one batch; the commit sends the writes and COMMIT as one more. Every statement has
/// constant text, prepared once per pooled connection (later decisions on it only bind and execute). SQLite: the
/// write lock of <c>BEGIN IMMEDIATE</c> (one writer at a time), the same reads and writes.
/// </summary>
internal sealed class SqlStoryDecision : IStoryDecision
{
    /// <summary>The first article stored under a canonical URL (<c>@canonical</c>) within the window (<c>@since</c>), with
    /// its record: read from <c>ix_articles_canonical_url_stored</c>, which a migration test checks in both databases' plans.</summary>
    internal const string FirstByCanonicalUrl =
        "SELECT story_id, record FROM articles WHERE canonical_url = @canonical AND stored_at >= @since ORDER BY stored_at LIMIT 1";

    /// <summary>The three point look-ups as one statement of one row (the article's own sighting, the story under its
    /// exact text, <see cref="FirstByCanonicalUrl"/>), then the candidates.</summary>
    private const string Reads = $"""
        SELECT (SELECT story_id FROM sightings WHERE article_id = @id) AS own,
               (SELECT story_id FROM articles WHERE content_hash = @hash) AS by_hash,
               c.story_id AS by_url, c.record
        FROM (SELECT 1 AS one) AS keys
        LEFT JOIN ({FirstByCanonicalUrl}) AS c ON 1 = 1;
        """;

    /// <summary>
    /// At most this many stored versions are compared with a newcomer: those sharing the most band keys with it, the
    /// newest first among equals. A copy shares many of its 44 band keys with what it copies, an unrelated text one
    /// or two by chance; but texts built from common phrasing (templates, wire boilerplate, a flood of look-alike
    /// items) share a band with hundreds of stories, and without a bound every decision would fetch and compare all
    /// of them (about 3 KB of fingerprint each), a cost growing with the stories in the window.
    /// </summary>
    internal const string MostCandidates = "64";

    /// <summary>The ranking of the band hits, one row per version, both dialects.</summary>
    private const string MostSharedFirst = "GROUP BY b.seq ORDER BY count(*) DESC, b.seq DESC LIMIT " + MostCandidates;

    /// <summary>PostgreSQL: the versions sharing the most band keys within the window (at most
    /// <see cref="MostCandidates"/>), each fetched by its primary key. The statement is prepared, so its plan is
    /// generic and often made before the tables have statistics: an <c>IN</c> over the versions then plans as a hash
    /// join over a scan of all of them (one scan per decision, growing with the table); a lateral look-up per
    /// candidate plans as a primary-key probe whatever the statistics say. The band rows are read from their
    /// index alone (it holds every column).</summary>
    internal const string NearDuplicatesByVersion = $"""
        SELECT v.story_id, v.fingerprint
        FROM (SELECT b.seq FROM story_bands b WHERE b.band_key = ANY(@bands) AND b.seen_at >= @since {MostSharedFirst}) AS c
        CROSS JOIN LATERAL (SELECT s.story_id, s.fingerprint FROM story_versions s WHERE s.seq = c.seq LIMIT 1) AS v
        ORDER BY c.seq
        """;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly SqlDialect _dialect;
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private int _disposed;

    private SqlStoryDecision(SqlDialect dialect, DbConnection connection, DbTransaction transaction, StoryCandidates candidates)
    {
        _dialect = dialect;
        _connection = connection;
        _transaction = transaction;
        Candidates = candidates;
    }

    public StoryCandidates Candidates { get; }

    public static async Task<SqlStoryDecision> BeginAsync(SqlDialect dialect, StoryKeys keys, CancellationToken cancellationToken)
    {
        if (dialect.WriterGate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        DbConnection? connection = null;
        DbTransaction? transaction = null;
        try
        {
            connection = await dialect.DataSource.OpenConnectionAsync(cancellationToken);
            transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
            var candidates = await LockAndReadAsync(dialect, connection, transaction, keys, cancellationToken);
            return new SqlStoryDecision(dialect, connection, transaction, candidates);
        }
        catch
        {
            if (transaction is not null)
            {
                await transaction.DisposeAsync();
            }

            if (connection is not null)
            {
                await connection.DisposeAsync();
            }

            dialect.WriterGate?.Release();
            throw;
        }
    }

    public async Task CommitNewStoryAsync(ArticleStored record, StoryFacts story, DateTimeOffset? leasedUntil, CancellationToken cancellationToken)
    {
        await using var command = Command();
        await WriteAndCommitAsync(
            command,
            [
                StoryWrites.Article(_dialect, command, record, story.CanonicalUrl, leasedUntil),
                StoryWrites.Sighting(_dialect, command, record.ArticleId, record, 1.0, "new story"),
                StoryWrites.Version(_dialect, command, story),
            ],
            cancellationToken);
    }

    public async Task CommitSightingAsync(Guid storyId, ArticleStored record, double similarity, string reason, StoryFacts? newVersion, CancellationToken cancellationToken)
    {
        await using var command = Command();
        var sighting = StoryWrites.Sighting(_dialect, command, storyId, record, similarity, reason);
        await WriteAndCommitAsync(command, newVersion is null ? [sighting] : [sighting, StoryWrites.Version(_dialect, command, newVersion)], cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        // Disposing an uncommitted transaction rolls it back; closing the session would release the locks anyway.
        try
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
        finally
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                _dialect.WriterGate?.Release();
            }
        }
    }

    /// <summary>PostgreSQL: the writes and COMMIT in one batch, one round trip (a failing write skips the COMMIT, and
    /// disposing rolls back). SQLite: the writes, then the transaction's commit.</summary>
    private async Task WriteAndCommitAsync(DbCommand command, string[] writes, CancellationToken cancellationToken)
    {
        command.CommandText = string.Join(";\n", _dialect.NativeTypes ? [.. writes, "COMMIT"] : writes);
        await ExecuteAsync(_dialect, command, cancellationToken);
        if (!_dialect.NativeTypes)
        {
            await _transaction.CommitAsync(cancellationToken);
        }
    }

    private DbCommand Command()
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        return command;
    }

    private static async Task ExecuteAsync(SqlDialect dialect, DbCommand command, CancellationToken cancellationToken)
    {
        if (dialect.NativeTypes)
        {
            await command.PrepareAsync(cancellationToken);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task<StoryCandidates> LockAndReadAsync(SqlDialect dialect, DbConnection connection, DbTransaction transaction, StoryKeys keys, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        Add(command, "id", dialect.Id(keys.ArticleId));
        Add(command, "hash", keys.ContentHash);
        StoryWrites.AddText(command, "canonical", keys.CanonicalUrl);
        Add(command, "since", dialect.Time(keys.Since));
        Add(command, "bands", dialect.Keys(keys.BandKeys));
        if (dialect.NativeTypes)
        {
            Add(command, "locks", StoryLocks.Of(keys));
            command.CommandText = StoryLocks.Statement + ";\n" + Reads + NearDuplicatesByVersion;
            await command.PrepareAsync(cancellationToken);
        }
        else
        {
            command.CommandText = Reads + NearDuplicatesInList(dialect);
        }

        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (dialect.NativeTypes)
        {
            await reader.NextResultAsync(cancellationToken);
        }

        await reader.ReadAsync(cancellationToken);
        var own = IdOrNull(reader, 0);
        var byHash = IdOrNull(reader, 1);
        var byUrl = IdOrNull(reader, 2);
        var canonicalArticle = byUrl is null ? null : JsonSerializer.Deserialize<ArticleStored>(reader.GetString(3), Json)?.Article;
        await reader.NextResultAsync(cancellationToken);
        var versions = new List<StoredVersion>();
        while (await reader.ReadAsync(cancellationToken))
        {
            versions.Add(new StoredVersion(SqlDialect.ReadId(reader.GetValue(0)), (byte[])reader.GetValue(1)));
        }

        return new StoryCandidates(own, byUrl, byHash, versions) { CanonicalArticle = canonicalArticle };
    }

    /// <summary>SQLite (planned per statement, with its own statistics): the same versions by a join.</summary>
    private static string NearDuplicatesInList(SqlDialect dialect) => $"""
        SELECT v.story_id, v.fingerprint
        FROM (SELECT b.seq FROM story_bands b WHERE {dialect.AnyOf("b.band_key", "@bands")} AND b.seen_at >= @since {MostSharedFirst}) AS c
        JOIN story_versions v ON v.seq = c.seq
        ORDER BY c.seq
        """;

    private static Guid? IdOrNull(DbDataReader reader, int column) =>
        reader.IsDBNull(column) ? null : SqlDialect.ReadId(reader.GetValue(column));
}
