using NewsIngest.Data;
using NewsIngest.Data.Migrations;

namespace NewsIngest.Fetcher.State;

/// <summary>
/// Versioned migrations of the fetcher's state: index i is schema version i + 1. Append only, one entry per
/// migration: the runner keeps each one's checksum and refuses a shipped one that was edited.
/// </summary>
public static class StateSchema
{
    /// <summary>The fetcher's PostgreSQL schema; in SQLite, the <c>fetcher_</c> prefix of its tables.</summary>
    public const string Name = "fetcher";

    /// <summary>The migrations for <paramref name="dialect"/>; the runner before the journal kept versions in <c>schema_version</c>.</summary>
    public static MigrationSet For(SqlDialect dialect) =>
        new("fetcher", Name, dialect.NativeTypes ? Postgres : Sqlite, LegacyVersionTable: "schema_version", LockKey: 727274);

    public static readonly IReadOnlyList<string> Postgres =
    [
        """
        CREATE TABLE IF NOT EXISTS fetcher.feeds (
            feed_id text PRIMARY KEY,
            feed_url text NOT NULL UNIQUE,
            interval_ms bigint NULL,
            etag text NULL,
            last_modified text NULL,
            last_poll bigint NULL,
            next_poll bigint NOT NULL,
            consecutive_errors integer NOT NULL DEFAULT 0,
            paused boolean NOT NULL DEFAULT false,
            lease_owner text NULL,
            lease_until bigint NULL
        );
        CREATE INDEX IF NOT EXISTS ix_feeds_next_poll ON fetcher.feeds (next_poll);
        CREATE TABLE IF NOT EXISTS fetcher.seen_items (
            feed_id text NOT NULL,
            item_key text NOT NULL,
            first_seen bigint NOT NULL,
            PRIMARY KEY (feed_id, item_key)
        );
        """,
        """
        CREATE TABLE IF NOT EXISTS fetcher.replicas (
            owner text PRIMARY KEY,
            alive_until bigint NOT NULL
        );
        ALTER TABLE fetcher.feeds ADD COLUMN IF NOT EXISTS last_owner text NULL;
        """,
    ];

    public static readonly IReadOnlyList<string> Sqlite =
    [
        """
        CREATE TABLE IF NOT EXISTS fetcher_feeds (
            feed_id TEXT PRIMARY KEY,
            feed_url TEXT NOT NULL UNIQUE,
            interval_ms INTEGER NULL,
            etag TEXT NULL,
            last_modified TEXT NULL,
            last_poll INTEGER NULL,
            next_poll INTEGER NOT NULL,
            consecutive_errors INTEGER NOT NULL DEFAULT 0,
            paused INTEGER NOT NULL DEFAULT 0,
            lease_owner TEXT NULL,
            lease_until INTEGER NULL
        );
        CREATE INDEX IF NOT EXISTS ix_fetcher_feeds_next_poll ON fetcher_feeds (next_poll);
        CREATE TABLE IF NOT EXISTS fetcher_seen_items (
            feed_id TEXT NOT NULL,
            item_key TEXT NOT NULL,
            first_seen INTEGER NOT NULL,
            PRIMARY KEY (feed_id, item_key)
        );
        """,
        """
        CREATE TABLE IF NOT EXISTS fetcher_replicas (
            owner TEXT PRIMARY KEY,
            alive_until INTEGER NOT NULL
        );
        ALTER TABLE fetcher_feeds ADD COLUMN last_owner TEXT NULL;
        """,
    ];
}
