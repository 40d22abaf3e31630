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
// (three times the offered load) and sharing one replica's in-flight decisions (the same offered load and the same
// decisions, split as a queue splits them between its consumers: in proportion to their in-flight counts).
// The replicas run from a ReadyToRun publish of this project with tiered compilation off, as the store service's
// Dockerfile build runs (ReplicaBuild), so their time to ready and their decisions are not the JIT's.
// Usage: dotnet run -c Release --project tests/NewsIngest.Store.Benchmarks [-- SIZES [DECISIONS [plans]] [baseline=REPO]]
//   SIZES: comma-separated story counts (default 10000,100000,1000000); DECISIONS per replica run (default 600);
//   plans: before the timed runs at each size, a short untimed run logs the statements' plans (DecisionPlans);
//   baseline=REPO: an A/B of one replica instead of the replica comparisons: the benchmark of the checkout REPO (published
//   the same way) and this one, alternately, twice each, on the same database.
// Internal: `decide CONNECTION DECISIONS PARALLEL SEED` is one replica's run.
if (args.Length > 0 && args[0] == "decide")
{
    return await DecisionRun.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture), int.Parse(args[3], CultureInfo.InvariantCulture), int.Parse(args[4], CultureInfo.InvariantCulture));
}

var sizes = (args.Length > 0 ? args[0] : "10000,100000,1000000").Split(',').Select(s => int.Parse(s, CultureInfo.InvariantCulture)).ToList();
var decisions = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 600;
var plans = args.Contains("plans");
var baselineRepository = args.FirstOrDefault(arg => arg.StartsWith("baseline=", StringComparison.Ordinal))?["baseline=".Length..];
const int InFlight = DecisionMeter.InFlight;
int[] SplitInFlight = [2, 1, 1];
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
Console.WriteLine($"PostgreSQL shared_buffers {SharedBuffers}; per replica {InFlight} decisions in flight; {decisions} decisions per size, a fifth of them copies");
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
foreach (var size in sizes)
{
    var load = Stopwatch.StartNew();
    await loader.FillToAsync(size);
    Console.WriteLine($"loaded to {loader.Count:N0} stories in {load.Elapsed.TotalSeconds:F0} s ({await SizeAsync(dataSource)})");
    if (plans)
    {
        await DecisionPlans.CaptureAsync(server, dataSource, "dedup_benchmark", size, () => meter.RunAsync(replica, connectionString, 1, 10, seed + 5));
    }

    if (baseline is not null)
    {
        // A/B: baseline, this build, baseline, this build; each run on texts of its own (seed), so none finds another run's.
        for (var round = 0; round < 2; round++)
        {
            foreach (var (name, build, offset) in new[] { ("baseline", baseline, 0), ("this build", replica, 1) })
            {
                var run = await meter.RunAsync(build, connectionString, 1, decisions, seed + (round * 2) + offset);
                Console.WriteLine($"{size,9:N0} stories, {name} 1 replica x {decisions}: {run.Results[0]} {run.Server(decisions)}");
            }
        }

        seed += 10;
        continue;
    }

    // One replica before and after the three, so that a change in the shared machine's load between them evens out.
    var one = await meter.RunAsync(replica, connectionString, 1, decisions, seed);
    Console.WriteLine($"{size,9:N0} stories, 1 replica x {decisions}: {one.Results[0]} {one.Server(decisions)}");
    var three = await meter.RunAsync(replica, connectionString, 3, decisions / 3, seed + 1);
    foreach (var result in three.Results)
    {
        Console.WriteLine($"{size,9:N0} stories, 3 replicas x {decisions / 3}: {result}");
    }

    Console.WriteLine($"{size,9:N0} stories, 3 replicas: {three.Server(decisions / 3 * 3)}");
    // The same offered load as one replica's, split over three (as competing consumers on one queue share it): 4 in flight in all.
    // Each replica's share of the decisions in proportion to its in-flight count (2/4, 1/4, 1/4), as a queue shares them.
    var split = await meter.RunAsync(replica, connectionString, 3, decisions, seed + 3, SplitInFlight);
    foreach (var (result, share) in split.Results.Zip(SplitInFlight))
    {
        Console.WriteLine($"{size,9:N0} stories, 3 replicas sharing {InFlight} in flight, {share} of them x {decisions * share / InFlight}: {result}");
    }

    Console.WriteLine($"{size,9:N0} stories, 3 replicas sharing {InFlight} in flight: {split.Server(SplitInFlight.Sum(share => decisions * share / InFlight))}");
    var again = await meter.RunAsync(replica, connectionString, 1, decisions, seed + 2);
    Console.WriteLine($"{size,9:N0} stories, 1 replica x {decisions} again: {again.Results[0]} {again.Server(decisions)}");
    var alone = (one.Elapsed + again.Elapsed) / 2;
    Console.WriteLine($"{decisions} decisions at {size:N0} stories: 1 replica {one.Elapsed.TotalSeconds:F2} s and {again.Elapsed.TotalSeconds:F2} s, 3 replicas at once {three.Elapsed.TotalSeconds:F2} s "
        + $"(3 replicas / 1 replica throughput {alone.TotalSeconds / three.Elapsed.TotalSeconds:F2}x), 3 replicas sharing {InFlight} in flight {split.Elapsed.TotalSeconds:F2} s "
        + $"({alone.TotalSeconds / split.Elapsed.TotalSeconds:F2}x)");
    seed += 10;
}

return 0;

static async Task<string> SizeAsync(NpgsqlDataSource dataSource)
{
    await using var command = dataSource.CreateCommand(
        "SELECT pg_size_pretty(pg_total_relation_size('story_bands')) || ' bands, ' || pg_size_pretty(pg_total_relation_size('story_versions')) || ' versions, ' || pg_size_pretty(pg_database_size(current_database())) || ' database'");
    return (string)(await command.ExecuteScalarAsync())!;
}
