using System.Data.Common;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Logging;

namespace NewsIngest.Data.Migrations;

/// <summary>
/// Brings a service's schema up to date in one transaction: the scripts not yet applied, in order, each recorded
/// with the SHA-256 of its text in the <c>schema_journal</c> table. A script that was changed after it was
/// applied is refused before anything runs. A database of the previous runner (a table of versions only) is
/// adopted once: its versions are recorded with the checksums of this build, and nothing of them runs again.
/// </summary>
public static class MigrationRunner
{
    public const string JournalTable = "schema_journal";

    public static async Task<MigrationResult> RunAsync(SqlDialect dialect, MigrationSet set, ILogger logger, CancellationToken cancellationToken)
    {
        var journal = dialect.Table(set.Schema, JournalTable);
        var checksums = set.Scripts.Select(Checksum).ToArray();
        await using var connection = await dialect.OpenAsync(cancellationToken);
        await using var transaction = await dialect.BeginWriteTransactionAsync(connection, cancellationToken);
        if (dialect.NativeTypes)
        {
            await connection.ExecuteAsync(transaction, "SELECT pg_advisory_xact_lock(@key)", [("key", set.LockKey)], cancellationToken);
            if (set.Schema is not null)
            {
                await connection.ExecuteAsync(transaction, $"CREATE SCHEMA IF NOT EXISTS {set.Schema}", [], cancellationToken);
            }
        }

        await connection.ExecuteAsync(
            transaction,
            $"CREATE TABLE IF NOT EXISTS {journal} (version integer PRIMARY KEY, checksum text NOT NULL, applied_at text NOT NULL)",
            [],
            cancellationToken);
        var applied = await ReadJournalAsync(connection, transaction, journal, cancellationToken);
        var adopted = 0;
        if (applied.Count == 0)
        {
            adopted = await AdoptLegacyAsync(dialect, connection, transaction, set, checksums, logger, cancellationToken);
            applied = await ReadJournalAsync(connection, transaction, journal, cancellationToken);
        }

        foreach (var (version, checksum) in applied)
        {
            if (version <= checksums.Length && checksum != checksums[version - 1])
            {
                throw Refuse(logger, set, dialect, $"migration {version} differs from the one applied (checksum {checksum} in {journal}, {checksums[version - 1]} in this build): restore its text and put the change in a new migration");
            }
        }

        if (applied.Keys.Where(version => version > checksums.Length).ToList() is [_, ..] newer)
        {
            logger.LogWarning(
                "The {Scope} schema ({Provider}) has migrations {NewerVersions} that this build does not know; it runs with the schema as it is",
                set.Scope, dialect.Name, newer);
        }

        var from = applied.Count == 0 ? 0 : applied.Keys.Max();
        var pending = Enumerable.Range(1, checksums.Length).Where(version => !applied.ContainsKey(version)).ToList();
        foreach (var version in pending)
        {
            var notices = new List<string>();
            using (SqlDialect.ObserveNotices(connection, notices.Add))
            {
                await connection.ExecuteAsync(transaction, set.Scripts[version - 1], [], cancellationToken);
            }

            foreach (var notice in notices)
            {
                logger.LogInformation(
                    "Migration {Version} of the {Scope} schema ({Provider}) noted: {Notice}", version, set.Scope, dialect.Name, notice);
            }

            await RecordAsync(connection, transaction, journal, version, checksums[version - 1], cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        var reached = Math.Max(from, checksums.Length);
        if (pending.Count > 0)
        {
            logger.LogInformation(
                "Migrated the {Scope} schema ({Provider}) from version {FromVersion} to {Version}: {AppliedCount} applied",
                set.Scope, dialect.Name, from, reached, pending.Count);
        }

        return new MigrationResult(reached, pending.Count, adopted);
    }

    /// <summary>SHA-256 of the script's text with line ends as LF, so a checkout with CRLF does not count as a change.</summary>
    public static string Checksum(string script) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(script.ReplaceLineEndings("\n"))));

    private static async Task<int> AdoptLegacyAsync(
        SqlDialect dialect, DbConnection connection, DbTransaction transaction, MigrationSet set, string[] checksums, ILogger logger, CancellationToken cancellationToken)
    {
        var legacy = dialect.Table(set.Schema, set.LegacyVersionTable);
        if (!Convert.ToBoolean(await connection.ScalarAsync(transaction, dialect.TableExists, [("table", legacy)], cancellationToken), CultureInfo.InvariantCulture))
        {
            return 0;
        }

        var version = Convert.ToInt32(
            await connection.ScalarAsync(transaction, $"SELECT COALESCE(MAX(version), 0) FROM {legacy}", [], cancellationToken), CultureInfo.InvariantCulture);
        if (version > checksums.Length)
        {
            throw Refuse(logger, set, dialect, $"{legacy} is at version {version}, newer than this build's {checksums.Length}: run a newer build");
        }

        for (var adopted = 1; adopted <= version; adopted++)
        {
            await RecordAsync(connection, transaction, dialect.Table(set.Schema, JournalTable), adopted, checksums[adopted - 1], cancellationToken);
        }

        if (version > 0)
        {
            logger.LogInformation(
                "Adopted versions 1 to {Version} of the {Scope} schema ({Provider}) from {LegacyTable}, with this build's checksums",
                version, set.Scope, dialect.Name, legacy);
        }

        return version;
    }

    private static Task<int> RecordAsync(DbConnection connection, DbTransaction transaction, string journal, int version, string checksum, CancellationToken cancellationToken) =>
        connection.ExecuteAsync(
            transaction,
            $"INSERT INTO {journal} (version, checksum, applied_at) VALUES (@version, @checksum, @at)",
            [("version", version), ("checksum", checksum), ("at", DateTimeOffset.UtcNow.ToString("O", CultureInfo.InvariantCulture))],
            cancellationToken);

    private static async Task<SortedDictionary<int, string>> ReadJournalAsync(DbConnection connection, DbTransaction transaction, string journal, CancellationToken cancellationToken)
    {
        var applied = new SortedDictionary<int, string>();
        await using var command = connection.Command(transaction, $"SELECT version, checksum FROM {journal}", []);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            applied[reader.GetInt32(0)] = reader.GetString(1);
        }

        return applied;
    }

    private static MigrationRefusedException Refuse(ILogger logger, MigrationSet set, SqlDialect dialect, string reason)
    {
        logger.LogError("Refusing to migrate the {Scope} schema ({Provider}): {Reason}", set.Scope, dialect.Name, reason);
        return new MigrationRefusedException($"Refusing to migrate the {set.Scope} schema ({dialect.Name}): {reason}");
    }
}
