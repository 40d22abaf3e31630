using System.Text.Json;
using NewsIngest.Store.Dedup;
using NewsIngest.Store.Records;
using Npgsql;
using NpgsqlTypes;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// Fills the store's tables to a number of stories the way a bulk load should: the indexes and unique
/// constraints of the four tables a decision touches are dropped, the rows written, then the indexes built
/// again, the tables vacuumed and analysed and a checkpoint taken; the load's session commits asynchronously. Per story what the store itself
/// writes for a new one: an article row (a small record: the decision path never reads that column), its
/// first sighting, one story version (a stored fingerprint) and its 44 band rows.
/// The first <see cref="RealStories"/> are real synthetic texts with their real fingerprints and band keys,
/// written by binary COPY — the replicas make copies of them, so the measured decisions include near-duplicate
/// pairs to find. Every later story is generated inside the database by one INSERT ... SELECT per table over
/// <c>generate_series</c>: distinct band keys spread over the 32-bit range as hashes are (so a decision's keys
/// meet them only by chance, as they meet unrelated stories'), and a fingerprint from a pool of real ones
/// (so a chance candidate is read and compared as a real one would be).
/// </summary>
internal sealed class BulkLoader(NpgsqlDataSource dataSource, DateTimeOffset firstStoredAt)
{
    /// <summary>Stories loaded from real texts first; <see cref="DecisionRun"/> copies from these.</summary>
    public const int RealStories = 2_000;

    private const int FingerprintPool = 1_000;
    private static readonly string[] Tables = ["articles", "sightings", "story_versions", "story_bands"];

    private long _loaded;
    private long _loadedSeq;
    private DateTime _loadedAt;
    private byte[][]? _pool;

    /// <summary>Stories in the store: loaded ones and those the timed decisions added.</summary>
    public long Count { get; private set; }

    public async Task FillToAsync(int stories)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET synchronous_commit = off; SET maintenance_work_mem = '1GB'");
        Count = await ScalarAsync(connection, "SELECT COUNT(*) FROM articles");
        if (Count >= stories)
        {
            return;
        }

        var rebuild = await DropIndexesAsync(connection);
        var seq = await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM story_versions");
        if (_loaded < RealStories)
        {
            seq = await CopyRealAsync(connection, (int)Math.Min(RealStories - _loaded, stories - Count), seq);
        }

        if (Count < stories)
        {
            seq = await GenerateAsync(connection, stories - Count, seq);
        }

        foreach (var statement in rebuild)
        {
            // The band table's index build is what schema 8's migration does on a store upgraded from 7 (in the load's session, maintenance_work_mem 1GB).
            var build = System.Diagnostics.Stopwatch.StartNew();
            await ExecuteAsync(connection, statement);
            if (statement.Contains("story_bands", StringComparison.Ordinal))
            {
                Console.WriteLine($"  {statement[..Math.Min(statement.Length, 90)]}: {build.Elapsed.TotalSeconds:F1} s");
            }
        }

        await ExecuteAsync(connection, $"SELECT setval(pg_get_serial_sequence('story_versions', 'seq'), {seq})");
        // As autovacuum leaves an insert-only table: visibility map set, so band look-ups stay index-only.
        await ExecuteAsync(connection, "VACUUM (ANALYZE) " + string.Join(", ", Tables));
        await MarkLoadedAsync(connection);
        await ExecuteAsync(connection, "CHECKPOINT");
    }

    /// <summary>
    /// Deletes what decisions added since the load (everything stored after its last story: articles, sightings, versions
    /// and their bands), vacuums the tables and takes a checkpoint, so that every run decides on a store of the loaded size
    /// whose pages are as a running server's are: written out by checkpoints, not left dirty by the bulk load or by the run
    /// before (which makes a read wait for the write of the buffer it evicts).
    /// </summary>
    public async Task RemoveDecidedAsync()
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await ExecuteAsync(connection, "SET synchronous_commit = off");
        await ExecuteAsync(connection, """
            DELETE FROM story_bands WHERE seq > @seq;
            DELETE FROM story_versions WHERE seq > @seq;
            DELETE FROM sightings WHERE seen_at > @at;
            DELETE FROM articles WHERE stored_at > @at
            """,
            ("seq", _loadedSeq), ("at", _loadedAt));
        await ExecuteAsync(connection, "VACUUM " + string.Join(", ", Tables));
        await ExecuteAsync(connection, "CHECKPOINT");
    }

    private async Task MarkLoadedAsync(NpgsqlConnection connection)
    {
        _loadedSeq = await ScalarAsync(connection, "SELECT COALESCE(MAX(seq), 0) FROM story_versions");
        await using var command = new NpgsqlCommand("SELECT MAX(stored_at) FROM articles", connection);
        _loadedAt = (DateTime)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>Drops the tables' indexes and primary/unique constraints; returns the statements that make them again.</summary>
    private static async Task<List<string>> DropIndexesAsync(NpgsqlConnection connection)
    {
        const string Definitions = """
            SELECT format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname),
                   format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid))
            FROM pg_constraint c WHERE c.contype IN ('p', 'u') AND c.conrelid::regclass::text = ANY($1)
            UNION ALL
            SELECT format('DROP INDEX %s', i.indexrelid::regclass), pg_get_indexdef(i.indexrelid)
            FROM pg_index i WHERE i.indrelid::regclass::text = ANY($1)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            """;
        var statements = new List<(string Drop, string Create)>();
        await using (var command = new NpgsqlCommand(Definitions, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = Tables });
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                statements.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        foreach (var (drop, _) in statements)
        {
            await ExecuteAsync(connection, drop);
        }

        return [.. statements.Select(statement => statement.Create)];
    }

    /// <summary>The next <paramref name="count"/> real texts of <see cref="SyntheticNews.LoaderSeed"/>, as the store writes them.</summary>
    private async Task<long> CopyRealAsync(NpgsqlConnection connection, int count, long seq)
    {
        var news = new SyntheticNews(SyntheticNews.LoaderSeed);
        var texts = Enumerable.Range(0, (int)_loaded + count).Select(_ => news.Article()).Skip((int)_loaded).ToList();
        var rows = texts.AsParallel().AsOrdered().Select(text => (
            text.Title,
            Fingerprint: StoryFingerprint.Of(text.Title, text.Paragraphs),
            Hash: ContentFingerprint.Of(new Contracts.ParsedArticle { Title = text.Title, Paragraphs = text.Paragraphs }))).ToList();
        var stories = rows.Select(row => (Id: Guid.NewGuid(), Seq: ++seq, StoredAt: StoredAt(_loaded++), row.Title, row.Fingerprint, row.Hash)).ToList();

        await using (var articles = await connection.BeginBinaryImportAsync(
            "COPY articles (article_id, correlation_id, content_hash, title, language, category, url, canonical_url, stored_at, record, story_id) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var story in stories)
            {
                var url = $"https://synthetic.example/real/{story.Seq}";
                await articles.StartRowAsync();
                await articles.WriteAsync(story.Id);
                await articles.WriteAsync(Guid.NewGuid());
                foreach (var text in new[] { story.Hash, story.Title, "en", "uncategorized", url, url })
                {
                    await articles.WriteAsync(text);
                }

                await articles.WriteAsync(story.StoredAt);
                await articles.WriteAsync(JsonSerializer.Serialize(new { articleId = story.Id, article = new { title = story.Title } }), NpgsqlDbType.Jsonb);
                await articles.WriteAsync(story.Id);
            }

            await articles.CompleteAsync();
        }

        await using (var sightings = await connection.BeginBinaryImportAsync(
            "COPY sightings (article_id, story_id, source, similarity, seen_at, reason, published_to_topic) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var story in stories)
            {
                await sightings.WriteRowAsync(default, story.Id, story.Id, "Synthetic Wire", 1.0, story.StoredAt, "new story", true);
            }

            await sightings.CompleteAsync();
        }

        await using (var versions = await connection.BeginBinaryImportAsync("COPY story_versions (seq, story_id, fingerprint, seen_at, banded) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var story in stories)
            {
                await versions.WriteRowAsync(default, story.Seq, story.Id, story.Fingerprint.ToStoredBytes(), story.StoredAt, true);
            }

            await versions.CompleteAsync();
        }

        await using (var bands = await connection.BeginBinaryImportAsync("COPY story_bands (band_key, seq, seen_at) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var story in stories)
            {
                foreach (var key in story.Fingerprint.BandKeys.Distinct())
                {
                    await bands.WriteRowAsync(default, unchecked((int)key), story.Seq, story.StoredAt);
                }
            }

            await bands.CompleteAsync();
        }

        Count += stories.Count;
        return seq;
    }

    /// <summary><paramref name="count"/> generated stories, numbered on from the stories loaded so far, with seqs after <paramref name="seq"/>.</summary>
    private async Task<long> GenerateAsync(NpgsqlConnection connection, long count, long seq)
    {
        _pool ??= FingerprintsOf(new SyntheticNews(SyntheticNews.LoaderSeed + 1), FingerprintPool);

        // n: the story's number in the load (its stored_at), s: its version's seq.
        var stories = $"generate_series(0, @count - 1) AS g(i), LATERAL (SELECT @loaded + g.i AS n, @seq + 1 + g.i AS s) AS x";
        const string At = "@first + x.n * interval '1 second'";
        const string Id = "md5('story ' || x.n)::uuid";
        await ExecuteAsync(connection, $"""
            INSERT INTO articles (article_id, correlation_id, content_hash, title, language, category, url, canonical_url, stored_at, record, story_id)
            SELECT {Id}, md5('correlation ' || x.n)::uuid, encode(sha256(('story ' || x.n)::bytea), 'hex'), 'Generated story ' || x.n, 'en', 'uncategorized',
                   'https://synthetic.example/generated/' || x.n, 'https://synthetic.example/generated/' || x.n, {At},
                   jsonb_build_object('articleId', {Id}, 'article', jsonb_build_object('title', 'Generated story ' || x.n)), {Id}
            FROM {stories};
            INSERT INTO sightings (article_id, story_id, source, similarity, seen_at, reason, published_to_topic)
            SELECT {Id}, {Id}, 'Synthetic Wire', 1.0, {At}, 'new story', true FROM {stories};
            INSERT INTO story_versions (seq, story_id, fingerprint, seen_at, banded)
            SELECT x.s, {Id}, (@pool)[1 + x.n % {FingerprintPool}], {At}, true FROM {stories};
            INSERT INTO story_bands (band_key, seq, seen_at)
            SELECT (((x.s * 44 + b) * 2654435761) % 4294967296 - 2147483648)::integer, x.s, {At} FROM {stories}, generate_series(0, 43) AS b
            """,
            ("count", count), ("loaded", _loaded), ("seq", seq), ("first", firstStoredAt.ToUniversalTime()), ("pool", _pool));
        _loaded += count;
        Count += count;
        return seq + count;
    }

    private DateTimeOffset StoredAt(long story) => firstStoredAt.AddSeconds(story).ToUniversalTime();

    private static byte[][] FingerprintsOf(SyntheticNews news, int count) =>
        [.. Enumerable.Range(0, count).Select(_ => news.Article()).Select(text => StoryFingerprint.Of(text.Title, text.Paragraphs).ToStoredBytes())];

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }
}
