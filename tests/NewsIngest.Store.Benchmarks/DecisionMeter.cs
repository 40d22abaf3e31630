using System.Diagnostics;
using System.Globalization;
using NewsIngest.Testing;
using NewsIngest.Testing.Processes;
using Npgsql;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// Runs store replicas (each a process of a <see cref="ReplicaBuild"/>) on one <see cref="SharedWorkQueue"/> of decisions:
/// starts them, lets them get ready, starts them at once and times until the queue is empty and the last one has ended;
/// over the same span, the PostgreSQL server's CPU (postmaster and backends, from /proc), the statements it ran for the
/// benchmark database (<c>pg_stat_statements</c>, BEGIN and COMMIT included) and what its backends were doing
/// (<see cref="WaitSampler"/>).
/// </summary>
internal sealed class DecisionMeter(PostgresServer server, NpgsqlDataSource dataSource)
{
    public const int InFlight = 4;

    /// <summary><paramref name="decisions"/> in all for replicas with the in-flight counts <paramref name="inFlight"/> (one per
    /// replica), shared as competing consumers on one queue share its messages: each takes the next as it finishes one.</summary>
    public async Task<DecisionRunResult> RunAsync(ReplicaBuild build, string connectionString, int[] inFlight, int decisions, int seed)
    {
        var queueFile = Path.Combine(Path.GetTempPath(), $"store-benchmark-queue-{Environment.ProcessId}-{seed}");
        SharedWorkQueue.Create(queueFile);
        var processes = inFlight.Select((parallel, replica) => StartReplica(build, connectionString, decisions, parallel, seed, replica, queueFile)).ToList();
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
            using var sampling = new CancellationTokenSource();
            var waits = WaitSampler.SampleAsync(server.ConnectionString, dataSource, sampling.Token);
            var clock = Stopwatch.StartNew();
            foreach (var process in processes)
            {
                await process.StandardInput.WriteLineAsync();
                await process.StandardInput.FlushAsync();
            }

            var results = await Task.WhenAll(processes.Select(ResultAsync));
            var elapsed = clock.Elapsed;
            var cpu = ProcessMeter.CpuTime(postmaster) - serverCpu;
            await sampling.CancelAsync();
            // Less the reset's own call.
            var statements = Convert.ToInt64(
                await ScalarAsync("SELECT coalesce(sum(calls), 0) FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"),
                CultureInfo.InvariantCulture) - 1;
            return new DecisionRunResult(inFlight, elapsed, results, cpu, statements, await waits);
        }
        finally
        {
            foreach (var process in processes)
            {
                process.Dispose();
            }

            File.Delete(queueFile);
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

    private static Process StartReplica(ReplicaBuild build, string connectionString, int decisions, int inFlight, int seed, int replica, string queueFile)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { build.Dll, "decide", connectionString, decisions.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture), replica.ToString(CultureInfo.InvariantCulture), queueFile })
        {
            start.ArgumentList.Add(arg);
        }

        return Process.Start(start)!;
    }
}

/// <summary>One run of replicas: their in-flight counts, wall time, each replica's result line, PostgreSQL CPU, statements and
/// backend states over the run.</summary>
internal sealed record DecisionRunResult(int[] InFlight, TimeSpan Elapsed, string[] Results, TimeSpan ServerCpu, long Statements, string Waits)
{
    /// <summary>Decisions the replicas made in all.</summary>
    public int Decisions => Results.Sum(result => (int)Field(result, "decisions"));

    public double Throughput => Decisions / Elapsed.TotalSeconds;

    /// <summary>The replicas' CPU per decision, in ms.</summary>
    public double ClientCpu => Results.Sum(result => Field(result, "cpu_ms")) / Decisions;

    /// <summary>The server's CPU per decision, in ms.</summary>
    public double ServerCpuPerDecision => ServerCpu.TotalMilliseconds / Decisions;

    public string Name => InFlight.Length == 1 ? $"1 replica x {InFlight[0]}" : $"{InFlight.Length} replicas x {string.Join("+", InFlight)}";

    /// <summary>The run's line: throughput and CPU per decision.</summary>
    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Name} in flight: {Decisions} decisions in {Elapsed.TotalSeconds:F1} s, {Throughput:F0} decisions/s; CPU per decision client {ClientCpu:F2} ms, "
        + $"server {ServerCpuPerDecision:F2} ms, sum {ClientCpu + ServerCpuPerDecision:F2} ms; statements per decision {(double)Statements / Decisions:F2}; backends {Waits}");

    /// <summary>A numeric field (<c>name=value</c>, a % sign allowed) of a replica's result line; NaN when the replica failed.</summary>
    public static double Field(string result, string name) =>
        result.Split(' ').FirstOrDefault(part => part.StartsWith(name + "=", StringComparison.Ordinal)) is { } part
            ? double.Parse(part[(name.Length + 1)..].TrimEnd('%'), CultureInfo.InvariantCulture)
            : double.NaN;
}
