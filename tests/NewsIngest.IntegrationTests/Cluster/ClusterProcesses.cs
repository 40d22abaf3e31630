using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.IntegrationTests.Cluster;

/// <summary>What the cluster tests share: a built service started as a process on its own port, and a count from PostgreSQL.</summary>
internal static class ClusterProcesses
{
    public static ServiceProcess Start(string project, Dictionary<string, string?> common, Dictionary<string, string?> own)
    {
        var environment = new Dictionary<string, string?>(common) { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}" };
        foreach (var (key, value) in own)
        {
            environment[key] = value;
        }

        var dll = RepositoryPaths.ServiceDll(project);
        return ServiceProcess.StartDll(dll, environment, workingDirectory: Path.GetDirectoryName(dll));
    }

    public static async Task<long> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
