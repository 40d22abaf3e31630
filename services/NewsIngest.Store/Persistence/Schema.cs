using NewsIngest.Data;
using NewsIngest.Data.Migrations;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// Versioned migrations: index i is schema version i + 1. Append only, one entry per migration; never edit a
/// shipped one (the runner keeps each one's checksum and refuses an edited one).
/// </summary>
public static class Schema
{
    /// <summary>The migrations for <paramref name="dialect"/>; the runner before the journal kept versions in <c>schema_migrations</c>.</summary>
    public static MigrationSet For(SqlDialect dialect) =>
        new("store", Schema: null, dialect.NativeTypes ? PostgresMigrations : SqliteMigrations, LegacyVersionTable: "schema_migrations", LockKey: 7346001);

    public static readonly IReadOnlyList<string> PostgresMigrations =
    [
        """
        CREATE TABLE IF NOT EXISTS articles (
            article_id uuid PRIMARY KEY,
            correlation_id uuid NOT NULL,
            content_hash text NOT NULL UNIQUE,
            title text NOT NULL,
            language text NOT NULL,
            category text NOT NULL,
            url text NULL,
            source text NULL,
            published_at timestamptz NULL,
            stored_at timestamptz NOT NULL,
            record jsonb NOT NULL,
            published_to_topic boolean NOT NULL DEFAULT false
        );
        CREATE INDEX IF NOT EXISTS ix_articles_stored_at ON articles (stored_at);
        CREATE TABLE IF NOT EXISTS rejected_articles (
            article_id uuid PRIMARY KEY,
            correlation_id uuid NOT NULL,
            stage text NOT NULL,
            reason text NOT NULL,
            origin text NULL,
            rejected_at timestamptz NOT NULL
        );
        """,
        """
        ALTER TABLE articles ADD COLUMN IF NOT EXISTS story_id uuid NULL;
        ALTER TABLE articles ADD COLUMN IF NOT EXISTS canonical_url text NULL;
        CREATE INDEX IF NOT EXISTS ix_articles_canonical_url ON articles (canonical_url);
        CREATE TABLE IF NOT EXISTS story_versions (
            seq bigserial PRIMARY KEY,
            story_id uuid NOT NULL,
            fingerprint bytea NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sightings (
            article_id uuid PRIMARY KEY,
            story_id uuid NOT NULL,
            source text NULL,
            url text NULL,
            feed_url text NULL,
            similarity double precision NOT NULL,
            seen_at timestamptz NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_sightings_story ON sightings (story_id);
        """,
        """
        ALTER TABLE articles ADD COLUMN IF NOT EXISTS search tsvector
            GENERATED ALWAYS AS (to_tsvector('simple', title || ' ' || COALESCE(record #>> '{article,paragraphs}', ''))) STORED;
        CREATE INDEX IF NOT EXISTS ix_articles_search ON articles USING GIN (search);
        CREATE INDEX IF NOT EXISTS ix_articles_stored_at_id ON articles (stored_at DESC, article_id DESC);
        """,
        """
        ALTER TABLE sightings ADD COLUMN IF NOT EXISTS published_to_topic boolean NOT NULL DEFAULT false;
        ALTER TABLE sightings ADD COLUMN IF NOT EXISTS reason text NULL;
        ALTER TABLE sightings ADD COLUMN IF NOT EXISTS correlation_id uuid NULL;
        UPDATE sightings SET published_to_topic = true WHERE article_id = story_id;
        CREATE INDEX IF NOT EXISTS ix_sightings_pending ON sightings (seen_at) WHERE NOT published_to_topic;
        """,
        """
        ALTER TABLE articles ADD COLUMN IF NOT EXISTS publish_lease_until timestamptz NULL;
        ALTER TABLE sightings ADD COLUMN IF NOT EXISTS publish_lease_until timestamptz NULL;
        CREATE INDEX IF NOT EXISTS ix_articles_pending ON articles (stored_at) WHERE NOT published_to_topic;
        """,
        """
        CREATE INDEX IF NOT EXISTS ix_articles_entities ON articles USING GIN ((record -> 'enrichment' -> 'entities') jsonb_path_ops);
        CREATE INDEX IF NOT EXISTS ix_articles_language_category ON articles (language, category, stored_at DESC);
        """,
        // Dedup in the database: a story version's LSH band keys, indexed, and when it was seen (the window).
        // Versions stored before get their bands from StoryBandBackfill.
        """
        ALTER TABLE story_versions ADD COLUMN IF NOT EXISTS seen_at timestamptz NULL;
        ALTER TABLE story_versions ADD COLUMN IF NOT EXISTS banded boolean NOT NULL DEFAULT false;
        UPDATE story_versions v SET seen_at = a.stored_at FROM articles a WHERE a.article_id = v.story_id AND v.seen_at IS NULL;
        CREATE INDEX IF NOT EXISTS ix_story_versions_unbanded ON story_versions (seq) WHERE NOT banded;
        CREATE TABLE IF NOT EXISTS story_bands (
            band_key integer NOT NULL,
            seq bigint NOT NULL,
            seen_at timestamptz NOT NULL,
            PRIMARY KEY (band_key, seq)
        );
        CREATE INDEX IF NOT EXISTS ix_articles_canonical_url_stored ON articles (canonical_url, stored_at);
        """,
        // A decision's band look-up reads the key index alone: key, then time, so the window is a range of it and
        // rows older than the window are never visited, then seq, so no heap row is read (an index-only scan, kept
        // so by vacuuming the insert-only table every 1 % of new rows rather than 20 %).
        """
        CREATE UNIQUE INDEX IF NOT EXISTS story_bands_window ON story_bands (band_key, seen_at, seq);
        ALTER TABLE story_bands DROP CONSTRAINT IF EXISTS story_bands_pkey;
        ALTER TABLE story_bands ADD CONSTRAINT story_bands_pkey PRIMARY KEY USING INDEX story_bands_window;
        ALTER TABLE story_bands SET (autovacuum_vacuum_insert_scale_factor = 0.01);
        """,
        // The records' outbox moves out of the article row into a narrow table (see OutboxLanes): a row per stored
        // record not yet published, deleted once the broker confirmed it.
        """
        CREATE TABLE IF NOT EXISTS article_outbox (
            article_id uuid PRIMARY KEY,
            stored_at timestamptz NOT NULL,
            publish_lease_until timestamptz NULL
        );
        CREATE INDEX IF NOT EXISTS ix_article_outbox_stored_at ON article_outbox (stored_at);
        INSERT INTO article_outbox (article_id, stored_at)
            SELECT article_id, stored_at FROM articles WHERE NOT published_to_topic ON CONFLICT DO NOTHING;
        DROP INDEX IF EXISTS ix_articles_pending;
        ALTER TABLE articles DROP COLUMN IF EXISTS published_to_topic;
        ALTER TABLE articles DROP COLUMN IF EXISTS publish_lease_until;
        """,
        // Less for every article insert to write: the record compressed with LZ4 where the server has it (smaller than
        // the default's, and cheaper to compress), else as before; and two indexes maintained for nothing: a look-up by
        // canonical URL, and a range or order by stored time, read the wider indexes that begin with the same column
        // (ix_articles_canonical_url_stored, ix_articles_stored_at_id).
        """
        DO $$
        BEGIN
            ALTER TABLE articles ALTER COLUMN record SET COMPRESSION lz4;
        EXCEPTION WHEN feature_not_supported THEN
            RAISE NOTICE 'LZ4 not built into this server: records stay compressed by pglz';
        END $$;
        DROP INDEX IF EXISTS ix_articles_canonical_url;
        DROP INDEX IF EXISTS ix_articles_stored_at;
        """,
    ];

    public static readonly IReadOnlyList<string> SqliteMigrations =
    [
        """
        CREATE TABLE IF NOT EXISTS articles (
            article_id TEXT PRIMARY KEY,
            correlation_id TEXT NOT NULL,
            content_hash TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL,
            language TEXT NOT NULL,
            category TEXT NOT NULL,
            url TEXT NULL,
            source TEXT NULL,
            published_at TEXT NULL,
            stored_at TEXT NOT NULL,
            record TEXT NOT NULL,
            published_to_topic INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX IF NOT EXISTS ix_articles_stored_at ON articles (stored_at);
        CREATE TABLE IF NOT EXISTS rejected_articles (
            article_id TEXT PRIMARY KEY,
            correlation_id TEXT NOT NULL,
            stage TEXT NOT NULL,
            reason TEXT NOT NULL,
            origin TEXT NULL,
            rejected_at TEXT NOT NULL
        );
        """,
        """
        ALTER TABLE articles ADD COLUMN story_id TEXT NULL;
        ALTER TABLE articles ADD COLUMN canonical_url TEXT NULL;
        CREATE INDEX IF NOT EXISTS ix_articles_canonical_url ON articles (canonical_url);
        CREATE TABLE IF NOT EXISTS story_versions (
            seq INTEGER PRIMARY KEY AUTOINCREMENT,
            story_id TEXT NOT NULL,
            fingerprint BLOB NOT NULL
        );
        CREATE TABLE IF NOT EXISTS sightings (
            article_id TEXT PRIMARY KEY,
            story_id TEXT NOT NULL,
            source TEXT NULL,
            url TEXT NULL,
            feed_url TEXT NULL,
            similarity REAL NOT NULL,
            seen_at TEXT NOT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_sightings_story ON sightings (story_id);
        """,
        """
        CREATE INDEX IF NOT EXISTS ix_articles_stored_at_id ON articles (stored_at DESC, article_id DESC);
        """,
        """
        ALTER TABLE sightings ADD COLUMN published_to_topic INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE sightings ADD COLUMN reason TEXT NULL;
        ALTER TABLE sightings ADD COLUMN correlation_id TEXT NULL;
        UPDATE sightings SET published_to_topic = 1 WHERE article_id = story_id;
        """,
        """
        ALTER TABLE articles ADD COLUMN publish_lease_until TEXT NULL;
        ALTER TABLE sightings ADD COLUMN publish_lease_until TEXT NULL;
        CREATE INDEX IF NOT EXISTS ix_articles_pending ON articles (stored_at) WHERE published_to_topic = 0;
        CREATE INDEX IF NOT EXISTS ix_sightings_pending ON sightings (seen_at) WHERE published_to_topic = 0;
        """,
        """
        CREATE INDEX IF NOT EXISTS ix_articles_language_category ON articles (language, category, stored_at DESC);
        """,
        """
        ALTER TABLE story_versions ADD COLUMN seen_at TEXT NULL;
        ALTER TABLE story_versions ADD COLUMN banded INTEGER NOT NULL DEFAULT 0;
        UPDATE story_versions SET seen_at = (SELECT stored_at FROM articles WHERE article_id = story_versions.story_id) WHERE seen_at IS NULL;
        CREATE TABLE IF NOT EXISTS story_bands (
            band_key INTEGER NOT NULL,
            seq INTEGER NOT NULL,
            seen_at TEXT NOT NULL,
            PRIMARY KEY (band_key, seq)
        ) WITHOUT ROWID;
        CREATE INDEX IF NOT EXISTS ix_articles_canonical_url_stored ON articles (canonical_url, stored_at);
        """,
        """
        CREATE TABLE IF NOT EXISTS article_outbox (
            article_id TEXT PRIMARY KEY,
            stored_at TEXT NOT NULL,
            publish_lease_until TEXT NULL
        );
        CREATE INDEX IF NOT EXISTS ix_article_outbox_stored_at ON article_outbox (stored_at);
        INSERT OR IGNORE INTO article_outbox (article_id, stored_at) SELECT article_id, stored_at FROM articles WHERE published_to_topic = 0;
        DROP INDEX IF EXISTS ix_articles_pending;
        ALTER TABLE articles DROP COLUMN published_to_topic;
        ALTER TABLE articles DROP COLUMN publish_lease_until;
        """,
        """
        DROP INDEX IF EXISTS ix_articles_canonical_url;
        DROP INDEX IF EXISTS ix_articles_stored_at;
        """,
    ];
}
