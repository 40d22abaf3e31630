namespace NewsIngest.Data.Migrations;

/// <summary>
/// The migrations of one service's schema in one dialect.
/// </summary>
/// <param name="Scope">Whose schema it is, for log lines: <c>store</c>, <c>fetcher</c>.</param>
/// <param name="Schema">The PostgreSQL schema of its tables (a table-name prefix in SQLite); <see langword="null"/> for the default one.</param>
/// <param name="Scripts">Script i is version i + 1. Append only: a shipped script is never edited (its checksum is kept).</param>
/// <param name="LegacyVersionTable">The table of the runner before this one (versions, no checksums), adopted once.</param>
/// <param name="LockKey">The PostgreSQL advisory lock that makes replicas starting together migrate one at a time.</param>
public sealed record MigrationSet(string Scope, string? Schema, IReadOnlyList<string> Scripts, string LegacyVersionTable, long LockKey);
