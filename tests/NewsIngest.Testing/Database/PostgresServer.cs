using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace NewsIngest.Testing;

/// <summary>
/// A throwaway PostgreSQL cluster on 127.0.0.1 (trust auth, fsync off) in its own directory; about 2 s to start.
/// Share one per test assembly (<see cref="DatabaseFixture"/>) and give each test its own database with
/// <see cref="CreateDatabaseAsync"/>. The server refuses to run as root, so as root it runs as the <c>postgres</c> user.
/// </summary>
public sealed partial class PostgresServer : IAsyncDisposable
{
    private const string ServiceUser = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(90);

    private readonly PostgresBinaries _binaries;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private int _stopped;

    private PostgresServer(PostgresBinaries binaries, string directory, int port)
    {
        _binaries = binaries;
        Directory = directory;
        Port = port;
        ConnectionString = ConnectionStringFor("postgres");
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public string UserName { get; } = "postgres";

    /// <summary>Connection string to the server's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>Scratch directory holding the cluster (data/), its unix socket and server.log; deleted on dispose.</summary>
    public string Directory { get; }

    public string LogFile => Path.Combine(Directory, "server.log");

    private string DataDirectory => Path.Combine(Directory, "data");

    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken = default)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Throwaway PostgreSQL servers run on Linux only.");
        }

        var binaries = PostgresBinaries.Locate();
        var directory = TestDirectory.Create("pg");
        var server = new PostgresServer(binaries, directory, FreePort.Next());
        try
        {
            await server.InitializeClusterAsync(cancellationToken);
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }

        // The port is chosen free but not reserved; if another process takes it first, start again on a fresh one.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await server.StartClusterAsync(cancellationToken);
                return server;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && server.PortWasTaken())
            {
                server = server.OnFreshPort();
            }
            catch
            {
                await server.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Connection string for another database on this server.</summary>
    public string ConnectionStringFor(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = Host,
        Port = Port,
        Username = UserName,
        Database = database,
    }.ConnectionString;

    /// <summary>Creates an empty database (a unique name unless given) and returns a connection string to it.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var database = name ?? $"test_{Guid.NewGuid():N}"[..17];
        if (!DatabaseName().IsMatch(database))
        {
            throw new ArgumentException($"'{database}' is not a plain database name (lower-case letters, digits, underscores).", nameof(name));
        }

        // Concurrent CREATE DATABASE statements contend for the template database; one at a time avoids that.
        await _createGate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = new NpgsqlCommand($"CREATE DATABASE \"{database}\"", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        finally
        {
            _createGate.Release();
        }

        return ConnectionStringFor(database);
    }

    /// <summary>
    /// An outage: stops the server (fast shutdown: sessions are terminated) but keeps its data; <see cref="ResumeAsync"/>
    /// starts it again on the same port.
    /// </summary>
    public async Task PauseAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await RunAsync(_binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
    }

    /// <summary>Starts a server stopped by <see cref="PauseAsync"/> again, with its data, on the same port.</summary>
    public Task ResumeAsync(CancellationToken cancellationToken = default) => StartClusterAsync(cancellationToken);

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            if (File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
            {
                NpgsqlConnection.ClearAllPools();
                await RunAsync(_binaries.PgCtl, ["-D", DataDirectory, "-m", "fast", "-w", "-t", "60", "stop"], CancellationToken.None);
            }
        }
        finally
        {
            _createGate.Dispose();
            await TestDirectory.DeleteAsync(Directory);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private bool PortWasTaken() =>
        File.Exists(LogFile) && TestDirectory.Tail(LogFile, 20).Contains("Address already in use", StringComparison.Ordinal);

    private PostgresServer OnFreshPort()
    {
        _createGate.Dispose();
        return new PostgresServer(_binaries, Directory, FreePort.Next());
    }

    private async Task InitializeClusterAsync(CancellationToken cancellationToken)
    {
        if (Environment.IsPrivilegedProcess)
        {
            await ExternalCommand.RunCheckedAsync("chown", [$"{ServiceUser}:", Directory], null, CommandTimeout, cancellationToken);
        }

        await RunAsync(
            _binaries.InitDb,
            ["-D", DataDirectory, "-U", UserName, "-A", "trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"],
            cancellationToken);
    }

    private async Task StartClusterAsync(CancellationToken cancellationToken)
    {
        var options = string.Create(
            CultureInfo.InvariantCulture,
            $"-p {Port} -k {Directory} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=250");
        try
        {
            await RunAsync(_binaries.PgCtl, ["-D", DataDirectory, "-l", LogFile, "-w", "-t", "60", "-o", options, "start"], cancellationToken);
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException(
                $"PostgreSQL did not start on {Host}:{Port}: {ex.Message}\n--- {LogFile} (tail) ---\n{TestDirectory.Tail(LogFile, 30)}", ex);
        }
    }

    private static Task<CommandResult> RunAsync(string executable, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        // initdb and postgres refuse to run as root; runuser (util-linux) switches to the postgres user without a password.
        return Environment.IsPrivilegedProcess
            ? ExternalCommand.RunCheckedAsync("runuser", arguments.Prepend(executable).Prepend("--").Prepend(ServiceUser).Prepend("-u"), null, CommandTimeout, cancellationToken)
            : ExternalCommand.RunCheckedAsync(executable, arguments, null, CommandTimeout, cancellationToken);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();
}
