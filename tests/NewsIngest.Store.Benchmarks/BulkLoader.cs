using System.Text.Json;
using NewsIngest.Store.Dedup;
using NewsIngest.Store.Records;
using Npgsql;
using NpgsqlTypes;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// Fills the store's dedup tables to a number of stories with binary COPY: per synthetic story an article row
/// (a small record: the decision path never reads the record column), its first sighting, one story version
/// (the stored fingerprint) and its 44 band rows — what the store itself writes for a new story. The band
/// table's primary key is dropped during the load and built again after it, as a bulk load should.
/// </summary>
internal sealed class BulkLoader(NpgsqlDataSource dataSource, SyntheticNews news, DateTimeOffset firstStoredAt)
{
    private int _loaded;

    /// <summary>Stories in the store: loaded ones and those the timed decisions added.</summary>
    public long Count { get; private set; }

    public async Task FillToAsync(int stories)
    {
        Count = await ScalarAsync("SELECT COUNT(*) FROM articles");
        var seq = await ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM story_versions");
        await ExecuteAsync("ALTER TABLE story_bands DROP CONSTRAINT IF EXISTS story_bands_pkey");
        await using (var articles = await dataSource.OpenConnectionAsync())
        await using (var sightings = await dataSource.OpenConnectionAsync())
        await using (var versions = await dataSource.OpenConnectionAsync())
        await using (var bands = await dataSource.OpenConnectionAsync())
        {
            await using var articleRows = await articles.BeginBinaryImportAsync(
                "COPY articles (article_id, correlation_id, content_hash, title, language, category, stored_at, record, published_to_topic, story_id) FROM STDIN (FORMAT BINARY)");
            await using var sightingRows = await sightings.BeginBinaryImportAsync(
                "COPY sightings (article_id, story_id, source, similarity, seen_at, reason, published_to_topic) FROM STDIN (FORMAT BINARY)");
            await using var versionRows = await versions.BeginBinaryImportAsync(
                "COPY story_versions (seq, story_id, fingerprint, seen_at, banded) FROM STDIN (FORMAT BINARY)");
            await using var bandRows = await bands.BeginBinaryImportAsync("COPY story_bands (band_key, seq, seen_at) FROM STDIN (FORMAT BINARY)");
            while (Count < stories)
            {
                // Texts in order (deterministic), their fingerprints on every core: the load is bound by them.
                var texts = Enumerable.Range(0, (int)Math.Min(4_000, stories - Count)).Select(_ => news.Article()).ToList();
                var computed = new (StoryFingerprint Fingerprint, string Hash)[texts.Count];
                System.Threading.Tasks.Parallel.For(0, texts.Count, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => computed[i] = (
                    StoryFingerprint.Of(texts[i].Title, texts[i].Paragraphs),
                    ContentFingerprint.Of(new Contracts.ParsedArticle { Title = texts[i].Title, Paragraphs = texts[i].Paragraphs })));
                for (var t = 0; t < texts.Count; t++)
                {
                    await WriteAsync(texts[t].Title, computed[t].Fingerprint, computed[t].Hash);
                }
            }

            async Task WriteAsync(string title, StoryFingerprint fingerprint, string hash)
            {
                var id = Guid.NewGuid();
                seq++;
                var storedAt = firstStoredAt.AddSeconds(_loaded++).ToUniversalTime();

                await articleRows.StartRowAsync();
                await articleRows.WriteAsync(id, NpgsqlDbType.Uuid);
                await articleRows.WriteAsync(Guid.NewGuid(), NpgsqlDbType.Uuid);
                await articleRows.WriteAsync(hash, NpgsqlDbType.Text);
                await articleRows.WriteAsync(title, NpgsqlDbType.Text);
                await articleRows.WriteAsync("en", NpgsqlDbType.Text);
                await articleRows.WriteAsync("uncategorized", NpgsqlDbType.Text);
                await articleRows.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
                await articleRows.WriteAsync(JsonSerializer.Serialize(new { articleId = id, article = new { title } }), NpgsqlDbType.Jsonb);
                await articleRows.WriteAsync(true, NpgsqlDbType.Boolean);
                await articleRows.WriteAsync(id, NpgsqlDbType.Uuid);

                await sightingRows.StartRowAsync();
                await sightingRows.WriteAsync(id, NpgsqlDbType.Uuid);
                await sightingRows.WriteAsync(id, NpgsqlDbType.Uuid);
                await sightingRows.WriteAsync("Synthetic Wire", NpgsqlDbType.Text);
                await sightingRows.WriteAsync(1.0, NpgsqlDbType.Double);
                await sightingRows.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
                await sightingRows.WriteAsync("new story", NpgsqlDbType.Text);
                await sightingRows.WriteAsync(true, NpgsqlDbType.Boolean);

                await versionRows.StartRowAsync();
                await versionRows.WriteAsync(seq, NpgsqlDbType.Bigint);
                await versionRows.WriteAsync(id, NpgsqlDbType.Uuid);
                await versionRows.WriteAsync(fingerprint.ToStoredBytes(), NpgsqlDbType.Bytea);
                await versionRows.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
                await versionRows.WriteAsync(true, NpgsqlDbType.Boolean);

                foreach (var key in fingerprint.BandKeys.Distinct())
                {
                    await bandRows.StartRowAsync();
                    await bandRows.WriteAsync(unchecked((int)key), NpgsqlDbType.Integer);
                    await bandRows.WriteAsync(seq, NpgsqlDbType.Bigint);
                    await bandRows.WriteAsync(storedAt, NpgsqlDbType.TimestampTz);
                }

                Count++;
            }

            await articleRows.CompleteAsync();
            await sightingRows.CompleteAsync();
            await versionRows.CompleteAsync();
            await bandRows.CompleteAsync();
        }

        await ExecuteAsync("SET maintenance_work_mem = '1GB'; ALTER TABLE story_bands ADD PRIMARY KEY (band_key, seq)");
        await ExecuteAsync($"SELECT setval(pg_get_serial_sequence('story_versions', 'seq'), {seq})");
        await ExecuteAsync("ANALYZE articles; ANALYZE sightings; ANALYZE story_versions; ANALYZE story_bands");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync();
    }
}
