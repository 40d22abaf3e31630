using System.Diagnostics;
using System.Globalization;
using NewsIngest.Data;
using NewsIngest.Store.Benchmarks;
using NewsIngest.Store.Persistence;
using NewsIngest.Testing;
using Npgsql;

// The store's dedup in PostgreSQL at growing numbers of stored stories, in one run: a throwaway PostgreSQL
// server is filled by COPY to each size, then store replicas — separate processes holding nothing but their
// connection pool — are started cold and decide on fresh articles and copies, taking them from one shared queue as
// competing consumers do (SharedWorkQueue). Per size, three rounds, each in another order: one replica with 4 decisions in flight, three
// replicas sharing those 4 (2 + 1 + 1: the same offered load) and three with 4 each (12 in flight, three times the
// offered load); each run's throughput (decisions/s), CPU per decision (replicas' and server's), what the server's
// backends were doing (WaitSampler), and per replica its memory, decision times and time to ready. Before every run the
// decisions of the one before are deleted, so every run decides on a store of the size named. The last lines sum up
// every size (SizeSummary).
// The replicas run from a ReadyToRun publish of this project with the store service's runtime settings, as its
// Dockerfile build runs (ReplicaBuild), and each warms up until its tier-up JIT has settled before the clock starts
// (DecisionRun), so their time to ready is a deployed store's and their timed decisions are not the JIT's.
// Usage: dotnet run -c Release --project tests/NewsIngest.Store.Benchmarks [-- SIZES [DECISIONS [plans]] [baseline=REPO]]
//   SIZES: comma-separated story counts (default 10000,100000,1000000); DECISIONS per run (default 5000);
//   plans: before the timed runs at each size, a short untimed run logs the statements' plans (DecisionPlans);
//   baseline=REPO: an A/B of one replica instead of the replica comparisons: the benchmark of the checkout REPO (published
//   the same way) and this one, alternately, twice each, on the same database.
// Internal: `decide CONNECTION DECISIONS PARALLEL SEED REPLICA QUEUEFILE` is one replica's run.
if (args.Length > 0 && args[0] == "decide")
{
    return await DecisionRun.RunAsync(
        args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture),
        int.Parse(args[5], CultureInfo.InvariantCulture), args[6]);
}

var sizes = (args.Length > 0 ? args[0] : "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var decisions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5000;
var plans = args.Contains("plans");
var baselineRepository = args.FirstOrDefault(arg => arg.StartsWith("baseline=", StringComparison.Ordinal))?["baseline=".Length..];
const int InFlight = DecisionMeter.InFlight;
const int Rounds = 3;
int[][] configurations = [[InFlight], [2, 1, 1], [InFlight, InFlight, InFlight]];
const string SharedBuffers = "2GB";

await using var replica = await ReplicaBuild.PublishAsync(RepositoryPaths.Root);
await using var baseline = baselineRepository is null ? null : await ReplicaBuild.PublishAsync(baselineRepository);
Console.WriteLine($"replicas: {replica.Description}{(baseline is null ? string.Empty : $"; baseline: {baseline.Description}")}");
await using var server = await PostgresServer.StartAsync();
// Sized as a server for a million stories would be: the band index (about 1.8 GB per million) fits in shared buffers.
// The fixture's default of 128 MB would measure the kernel's page cache instead.
await using (var settings = NpgsqlDataSource.Create(server.ConnectionString))
{
    await using var command = settings.CreateCommand($"ALTER SYSTEM SET shared_buffers = '{SharedBuffers}'; ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements'");
    await command.ExecuteNonQueryAsync();
}

await server.StopServerAsync();
await server.StartAgainAsync();
Console.WriteLine($"PostgreSQL shared_buffers {SharedBuffers}; per replica {InFlight} decisions in flight; {decisions} decisions per run, a fifth of them copies");
var connectionString = await server.CreateDatabaseAsync("dedup_benchmark");
var repository = new SqlArticleRepository(StoreDatabase.Postgres(connectionString));
await repository.MigrateAsync(CancellationToken.None);
await using var dataSource = NpgsqlDataSource.Create(connectionString);
await using (var extension = dataSource.CreateCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements"))
{
    await extension.ExecuteNonQueryAsync();
}

var meter = new DecisionMeter(server, dataSource);
var loader = new BulkLoader(dataSource, DateTimeOffset.UtcNow.AddDays(-20));
var seed = 1;
// Per size: the load, one replica alone (cold start, memory, time per decision), three at once, one alone again.
var sizeSummaries = new List<SizeSummary>();
foreach (var size in sizes)
{
    var load = Stopwatch.StartNew();
    await loader.FillToAsync(size);
    Console.WriteLine($"loaded to {loader.Count:N0} stories in {load.Elapsed.TotalSeconds:F0} s ({await SizeAsync(dataSource)})");
    if (plans)
    {
        await DecisionPlans.CaptureAsync(server, dataSource, "dedup_benchmark", size, () => meter.RunAsync(replica, connectionString, [1], 10, seed + 5));
        await loader.RemoveDecidedAsync();
    }

    if (baseline is not null)
    {
        // A/B: baseline, this build, baseline, this build; each run on texts of its own (seed), so none finds another run's.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, build, offset) in new[] { ("baseline", baseline, 0), ("this build", replica, 1) })
            {
                var run = await meter.RunAsync(build, connectionString, [InFlight], decisions, seed + (round * 2) + offset);
                Console.WriteLine($"{size,9:N0} stories, {name}: {run.Summary()}");
                Console.WriteLine($"{size,9:N0} stories, {name}: {run.Results[0]}");
                await loader.RemoveDecidedAsync();
            }
        }

        seed += 10;
        continue;
    }

    // The configurations in turn, in a rotated order each round, so that neither a change in the shared machine's load
    // nor a place in the order favours one of them.
    var runs = new List<(int Round, DecisionRunResult Run)>();
    for (var round = 0; round < Rounds; round++)
    {
        foreach (var configuration in configurations.Skip(round % configurations.Length).Concat(configurations.Take(round % configurations.Length)))
        {
            var run = await meter.RunAsync(replica, connectionString, configuration, decisions, seed++);
            Console.WriteLine($"{size,9:N0} stories, round {round + 1}, {run.Summary()}");
            foreach (var (result, index) in run.Results.Select((result, index) => (result, index)))
            {
                Console.WriteLine($"{size,9:N0} stories,   replica {index + 1} ({run.InFlight[index]} in flight): {result}");
            }

            runs.Add((round, run));
            await loader.RemoveDecidedAsync();
        }
    }

    // Each run of three against the one replica's run of its own round (minutes apart at most, under the same load).
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"at {size:N0} stories, decisions/s and CPU ms per decision (client + server), round by round:"));
    foreach (var group in runs.GroupBy(entry => entry.Run.Name))
    {
        var line = string.Join("; ", group.Select(entry => string.Create(
            CultureInfo.InvariantCulture,
            $"{entry.Run.Throughput:F0}/s {entry.Run.ClientCpu:F2} + {entry.Run.ServerCpuPerDecision:F2} ms{(entry.Run.InFlight.Length == 1 ? string.Empty : $" ({entry.Run.Throughput / SingleOf(runs, entry.Round).Throughput:F2}x)")}")));
        Console.WriteLine($"  {group.Key} in flight: {line}");
    }

    sizeSummaries.Add(SizeSummary.Of(size, runs));
    seed += 10;
}

if (sizeSummaries.Count > 0)
{
    Console.WriteLine("summary (one replica: its runs' median; three replicas: the median of their rounds' ratios to the one replica of the same round):");
    foreach (var summary in sizeSummaries)
    {
        Console.WriteLine(summary.Line(sizeSummaries[0]));
    }
}

return 0;

static DecisionRunResult SingleOf(List<(int Round, DecisionRunResult Run)> runs, int round) =>
    runs.First(entry => entry.Round == round && entry.Run.InFlight.Length == 1).Run;

static async Task<string> SizeAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand(
        "SELECT pg_size_pretty(pg_total_relation_size('story_bands')) || ' bands, ' || pg_size_pretty(pg_total_relation_size('story_versions')) || ' versions, ' || pg_size_pretty(pg_database_size(current_database())) || ' database'");
    return (string)(await command.ExecuteScalarAsync())!;
}
