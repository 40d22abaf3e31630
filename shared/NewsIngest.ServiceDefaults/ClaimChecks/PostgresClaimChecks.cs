using System.Globalization;
using Npgsql;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>
/// Bodies in a PostgreSQL table every node can reach: <c>claim_checks</c> (id, body, expiry, release time). A
/// release deletes the bytes and keeps the row as a mark until it expires; the sweep deletes expired rows. The
/// table is created on first use (under an advisory lock, so services starting together create it once).
/// </summary>
public sealed class PostgresClaimChecks(NpgsqlDataSource dataSource, TimeProvider clock) : IClaimCheckRepository, IAsyncDisposable
{
    private const string Prefix = "urn:claim-check:pg:";
    private const string Schema = """
        SELECT pg_advisory_xact_lock(727275);
        CREATE TABLE IF NOT EXISTS claim_checks (
            id uuid PRIMARY KEY,
            body bytea NULL,
            created_at timestamptz NOT NULL,
            expires_at timestamptz NOT NULL,
            released_at timestamptz NULL
        );
        CREATE INDEX IF NOT EXISTS ix_claim_checks_expires_at ON claim_checks (expires_at);
        """;

    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;

    public async Task<Uri> Put(Stream stream, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        await EnsureSchemaAsync(cancellationToken);
        using var body = new MemoryStream();
        await stream.CopyToAsync(body, cancellationToken);
        var id = Guid.NewGuid();
        var now = clock.GetUtcNow();
        await using var command = dataSource.CreateCommand(
            "INSERT INTO claim_checks (id, body, created_at, expires_at) VALUES ($1, $2, $3, $4)");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = body.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        command.Parameters.Add(new NpgsqlParameter { Value = now + (timeToLive ?? TimeSpan.FromDays(1)) });
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new Uri(Prefix + id.ToString("N", CultureInfo.InvariantCulture));
    }

    public async Task<Stream> Get(Uri address, CancellationToken cancellationToken = default)
    {
        var id = IdOf(address);
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("SELECT body, released_at IS NOT NULL, expires_at FROM claim_checks WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken) || reader.GetFieldValue<DateTimeOffset>(2) < clock.GetUtcNow())
        {
            throw new ClaimCheckMissingException(address, "no such row in claim_checks (expired, or never stored in this database)");
        }

        if (reader.GetBoolean(1) || reader.IsDBNull(0))
        {
            throw new ClaimCheckReleasedException(address);
        }

        return new MemoryStream(reader.GetFieldValue<byte[]>(0), writable: false);
    }

    public async Task ReleaseAsync(Uri address, CancellationToken cancellationToken)
    {
        var id = IdOf(address);
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("UPDATE claim_checks SET body = NULL, released_at = $2 WHERE id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = id });
        command.Parameters.Add(new NpgsqlParameter { Value = clock.GetUtcNow() });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        await using var command = dataSource.CreateCommand("DELETE FROM claim_checks WHERE expires_at < $1");
        command.Parameters.Add(new NpgsqlParameter { Value = now });
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await dataSource.DisposeAsync();
        _schemaGate.Dispose();
    }

    private async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_schemaReady)
        {
            return;
        }

        await _schemaGate.WaitAsync(cancellationToken);
        try
        {
            if (!_schemaReady)
            {
                await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
                await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
                await using (var command = new NpgsqlCommand(Schema, connection, transaction))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken);
                }

                await transaction.CommitAsync(cancellationToken);
                _schemaReady = true;
            }
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static Guid IdOf(Uri address) =>
        address.OriginalString.StartsWith(Prefix, StringComparison.Ordinal)
        && address.OriginalString.Length == Prefix.Length + 32
        && Guid.TryParseExact(address.OriginalString[Prefix.Length..], "N", out var id)
            ? id
            : throw new ClaimCheckRefusedException(address, "not an address of the claim_checks table (urn:claim-check:pg:ID)");
}
