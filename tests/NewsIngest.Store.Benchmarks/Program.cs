using System.Diagnostics;
using System.Globalization;
using NewsIngest.Data;
using NewsIngest.Store.Benchmarks;
using NewsIngest.Store.Persistence;
using NewsIngest.Testing;
using Npgsql;

// The store's dedup in PostgreSQL at growing numbers of stored stories, in one run: a throwaway PostgreSQL
// server is filled by COPY to each size, then store replicas — separate processes holding nothing but their
// connection pool — are started cold and decide on fresh articles and copies. Per size: memory of a replica,
// time per decision, time to ready; three replicas at once against one, each with one replica's decisions in flight
// (three times the offered load) and sharing one replica's in-flight decisions (the same offered load, split).
// Usage: dotnet run -c Release --project tests/NewsIngest.Store.Benchmarks [-- SIZES [DECISIONS [plans]]]
//   SIZES: comma-separated story counts (default 10000,100000,1000000); DECISIONS per replica run (default 600);
//   plans: before the timed runs at each size, a short untimed run logs the statements' plans (DecisionPlans).
// Internal: `decide CONNECTION DECISIONS PARALLEL SEED` is one replica's run.
if (args.Length > 0 && args[0] == "decide")
{
    return await DecisionRun.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
}

var sizes = (args.Length > 0 ? args[0] : "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var decisions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
var plans = args.Length > 2 && args[2] == "plans";
const int InFlight = 4;
int[] SplitInFlight = [2, 1, 1];
const string SharedBuffers = "2GB";

await using var server = await PostgresServer.StartAsync();
// Sized as a server for a million stories would be: the band index (about 1.8 GB per million) fits in shared buffers.
// The fixture's default of 128 MB would measure the kernel's page cache instead.
await using (var settings = NpgsqlDataSource.Create(server.ConnectionString))
{
    await using var command = settings.CreateCommand($"ALTER SYSTEM SET shared_buffers = '{SharedBuffers}'");
    await command.ExecuteNonQueryAsync();
}

await server.StopServerAsync();
await server.StartAgainAsync();
Console.WriteLine($"PostgreSQL shared_buffers {SharedBuffers}; per replica {InFlight} decisions in flight; {decisions} decisions per size, a fifth of them copies");
var connectionString = await server.CreateDatabaseAsync("dedup_benchmark");
var repository = new SqlArticleRepository(StoreDatabase.Postgres(connectionString));
await repository.MigrateAsync(CancellationToken.None);
await using var dataSource = NpgsqlDataSource.Create(connectionString);
var loader = new BulkLoader(dataSource, DateTimeOffset.UtcNow.AddDays(-20));
var seed = 1;
// Per size: the load, one replica alone (cold start, memory, time per decision), three at once, one alone again.
foreach (var size in sizes)
{
    var load = Stopwatch.StartNew();
    await loader.FillToAsync(size);
    Console.WriteLine($"loaded to {loader.Count:N0} stories in {load.Elapsed.TotalSeconds:F0} s ({await SizeAsync(dataSource)})");
    if (plans)
    {
        await DecisionPlans.CaptureAsync(server, dataSource, "dedup_benchmark", size, () => ReplicasAsync(server, connectionString, 1, 10, seed + 5));
    }

    // One replica before and after the three, so that a change in the shared machine's load between them evens out.
    var (one, single, serverCpu) = await ReplicasAsync(server, connectionString, 1, decisions, seed);
    Console.WriteLine($"{size,9:N0} stories, 1 replica x {decisions}: {single[0]} server_cpu_us={serverCpu.TotalMicroseconds / decisions:F0}");
    var (three, replicas, threeCpu) = await ReplicasAsync(server, connectionString, 3, decisions / 3, seed + 1);
    foreach (var replica in replicas)
    {
        Console.WriteLine($"{size,9:N0} stories, 3 replicas x {decisions / 3}: {replica}");
    }

    Console.WriteLine($"{size,9:N0} stories, 3 replicas: server_cpu_us={threeCpu.TotalMicroseconds / (decisions / 3 * 3):F0}");
    // The same offered load as one replica's, split over three (as competing consumers on one queue share it): 4 in flight in all.
    var (split, splitReplicas, splitCpu) = await ReplicasAsync(server, connectionString, 3, decisions / 3, seed + 3, SplitInFlight);
    foreach (var replica in splitReplicas)
    {
        Console.WriteLine($"{size,9:N0} stories, 3 replicas sharing {InFlight} in flight x {decisions / 3}: {replica}");
    }

    Console.WriteLine($"{size,9:N0} stories, 3 replicas sharing {InFlight} in flight: server_cpu_us={splitCpu.TotalMicroseconds / (decisions / 3 * 3):F0}");
    var (again, singleAgain, againCpu) = await ReplicasAsync(server, connectionString, 1, decisions, seed + 2);
    Console.WriteLine($"{size,9:N0} stories, 1 replica x {decisions} again: {singleAgain[0]} server_cpu_us={againCpu.TotalMicroseconds / decisions:F0}");
    var alone = (one + again) / 2;
    Console.WriteLine($"{decisions} decisions at {size:N0} stories: 1 replica {one.TotalSeconds:F2} s and {again.TotalSeconds:F2} s, 3 replicas at once {three.TotalSeconds:F2} s "
        + $"(3 replicas / 1 replica throughput {alone.TotalSeconds / three.TotalSeconds:F2}x), 3 replicas sharing {InFlight} in flight {split.TotalSeconds:F2} s "
        + $"({alone.TotalSeconds / split.TotalSeconds:F2}x)");
    seed += 10;
}

return 0;

// Starts the replicas, lets them get ready, starts their batches at once and times until the last one ends; the
// PostgreSQL server's CPU (postmaster and backends, from /proc) over the same span.
static async Task<(TimeSpan Elapsed, string[] Results, TimeSpan ServerCpu)> ReplicasAsync(PostgresServer server, string connectionString, int count, int decisions, int seed, int[]? inFlight = null)
{
    var processes = Enumerable.Range(0, count).Select(i => StartReplica(connectionString, decisions, inFlight?[i] ?? InFlight, seed + (i * 100))).ToList();
    try
    {
        foreach (var process in processes)
        {
            while (await process.StandardOutput.ReadLineAsync() is { } line && line != "READY")
            {
            }
        }

        var postmaster = server.PostmasterProcessId ?? throw new InvalidOperationException("PostgreSQL is not running");
        var serverCpu = ProcessMeter.CpuTime(postmaster);
        var clock = Stopwatch.StartNew();
        foreach (var process in processes)
        {
            await process.StandardInput.WriteLineAsync();
            await process.StandardInput.FlushAsync();
        }

        var results = await Task.WhenAll(processes.Select(ResultAsync));
        return (clock.Elapsed, results, ProcessMeter.CpuTime(postmaster) - serverCpu);
    }
    finally
    {
        foreach (var process in processes)
        {
            process.Dispose();
        }
    }
}

static async Task<string> ResultAsync(Process process)
{
    var output = await process.StandardOutput.ReadToEndAsync();
    using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(20));
    await process.WaitForExitAsync(timeout.Token);
    var result = output.Split('\n').FirstOrDefault(line => line.StartsWith("RESULT ", StringComparison.Ordinal));
    return result?["RESULT ".Length..] ?? $"replica failed (exit {process.ExitCode}): {await process.StandardError.ReadToEndAsync()}";
}

static Process StartReplica(string connectionString, int decisions, int inFlight, int seed)
{
    var start = new ProcessStartInfo(Environment.ProcessPath!)
    {
        RedirectStandardInput = true,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };
    // Started as `dotnet NewsIngest.Store.Benchmarks.dll` or as its own executable (dotnet run).
    if (Path.GetFileNameWithoutExtension(start.FileName) == "dotnet")
    {
        start.ArgumentList.Add(typeof(BulkLoader).Assembly.Location);
    }

    foreach (var arg in new[] { "decide", connectionString, decisions.ToString(CultureInfo.InvariantCulture), inFlight.ToString(CultureInfo.InvariantCulture), seed.ToString(CultureInfo.InvariantCulture) })
    {
        start.ArgumentList.Add(arg);
    }

    return Process.Start(start)!;
}

static async Task<string> SizeAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand(
        "SELECT pg_size_pretty(pg_total_relation_size('story_bands')) || ' bands, ' || pg_size_pretty(pg_total_relation_size('story_versions')) || ' versions, ' || pg_size_pretty(pg_database_size(current_database())) || ' database'");
    return (string)(await command.ExecuteScalarAsync())!;
}
