using System.Diagnostics;
using System.Globalization;
using NewsIngest.Testing;
using NewsIngest.Testing.Processes;
using Npgsql;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// Runs store replicas (each a process of a <see cref="ReplicaBuild"/>): starts them, lets them get ready, starts their
/// batches at once and times until the last one ends; over the same span, the PostgreSQL server's CPU (postmaster and
/// backends, from /proc) and the statements it ran for the benchmark database (<c>pg_stat_statements</c>, BEGIN and
/// COMMIT included).
/// </summary>
internal sealed class DecisionMeter(PostgresServer server, NpgsqlDataSource dataSource)
{
    public const int InFlight = 4;

    /// <summary><paramref name="decisions"/> for each of <paramref name="count"/> replicas with <see cref="InFlight"/> each; with
    /// <paramref name="inFlight"/> (one count per replica), <paramref name="decisions"/> in all, shared in proportion to the
    /// replicas' in-flight counts, as competing consumers on one queue share its messages (each takes the next as it finishes one).</summary>
    public async Task<DecisionRunResult> RunAsync(ReplicaBuild build, string connectionString, int count, int decisions, int seed, int[]? inFlight = null)
    {
        var processes = Enumerable.Range(0, count)
            .Select(i => StartReplica(build, connectionString, inFlight is null ? decisions : decisions * inFlight[i] / inFlight.Sum(), inFlight?[i] ?? InFlight, seed + (i * 100)))
            .ToList();
        try
        {
            foreach (var process in processes)
            {
                while (await process.StandardOutput.ReadLineAsync() is { } line && line != "READY")
                {
                }
            }

            await ScalarAsync("SELECT pg_stat_statements_reset()");
            var postmaster = server.PostmasterProcessId ?? throw new InvalidOperationException("PostgreSQL is not running");
            var serverCpu = ProcessMeter.CpuTime(postmaster);
            var clock = Stopwatch.StartNew();
            foreach (var process in processes)
            {
                await process.StandardInput.WriteLineAsync();
                await process.StandardInput.FlushAsync();
            }

            var results = await Task.WhenAll(processes.Select(ResultAsync));
            var elapsed = clock.Elapsed;
            var cpu = ProcessMeter.CpuTime(postmaster) - serverCpu;
            // Less the reset's own call.
            var statements = Convert.ToInt64(
                await ScalarAsync("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"),
                CultureInfo.InvariantCulture) - 1;
            return new DecisionRunResult(elapsed, results, cpu, statements);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }
        }
    }

    private async Task<object?> ScalarAsync(string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        return await command.ExecuteScalarAsync();
    }

    private static async Task<string> ResultAsync(Process process)
    {
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
        await process.WaitForExitAsync(timeout.Token);
        var result = output.Split('\n').FirstOrDefault(line => line.StartsWith("RESULT ", StringComparison.Ordinal));
        return result?["RESULT ".Length..] ?? $"replica failed (exit {process.ExitCode}): {await process.StandardError.ReadToEndAsync()}";
    }

    private static Process StartReplica(ReplicaBuild build, string connectionString, int decisions, int inFlight, int seed)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { build.Dll, "decide", connectionString, decisions.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}

/// <summary>One run of replicas: wall time, each replica's result line, PostgreSQL CPU and statements over the run.</summary>
internal sealed record DecisionRunResult(TimeSpan Elapsed, string[] Results, TimeSpan ServerCpu, long Statements)
{
    /// <summary>The server's share per decision of <paramref name="decisions"/> decided in the run.</summary>
    public string Server(int decisions) => string.Create(
        CultureInfo.InvariantCulture, $"server_cpu_us={ServerCpu.TotalMicroseconds / decisions:F0} statements_per_decision={(double)Statements / decisions:F2}");
}
