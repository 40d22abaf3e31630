using System.Globalization;
using System.Text.RegularExpressions;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// The plans of the production statements at one size: <c>auto_explain</c> (ANALYZE, BUFFERS) is switched on
/// for the benchmark database while one short replica run starts cold and decides, then off again. The log
/// segment goes to a file; the slowest statements of each kind are printed. Not part of the timed runs.
/// </summary>
internal static partial class DecisionPlans
{
    public static async Task CaptureAsync(PostgresServer server, NpgsqlDataSource dataSource, string database, long size, Func<Task> run)
    {
        await ExecuteAsync(dataSource, $"""
            ALTER DATABASE {database} SET session_preload_libraries = 'auto_explain';
            ALTER DATABASE {database} SET auto_explain.log_min_duration = 0;
            ALTER DATABASE {database} SET auto_explain.log_analyze = on;
            ALTER DATABASE {database} SET auto_explain.log_buffers = on
            """);
        var start = new FileInfo(server.LogFile).Length;
        try
        {
            await run();
        }
        finally
        {
            await ExecuteAsync(dataSource, $"ALTER DATABASE {database} RESET ALL");
        }

        string segment;
        await using (var log = new FileStream(server.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        {
            log.Seek(start, SeekOrigin.Begin);
            segment = await new StreamReader(log).ReadToEndAsync();
        }

        var file = Path.Combine(Path.GetTempPath(), string.Create(CultureInfo.InvariantCulture, $"store-benchmark-plans-{size}.log"));
        await File.WriteAllTextAsync(file, segment);
        var slowest = Duration().Matches(segment)
            .Select(match => (Ms: double.Parse(match.Groups["ms"].Value, CultureInfo.InvariantCulture), Query: match.Groups["query"].Value.Trim()))
            .GroupBy(plan => plan.Query.Length > 60 ? plan.Query[..60] : plan.Query)
            .Select(kind => (Kind: kind.Key, Count: kind.Count(), Max: kind.Max(plan => plan.Ms), Median: kind.Select(plan => plan.Ms).Order().ElementAt(kind.Count() / 2)))
            .OrderByDescending(kind => kind.Max)
            .Take(8);
        Console.WriteLine($"plans at {size:N0} stories: {file}");
        foreach (var kind in slowest)
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {kind.Count,4} x median {kind.Median,7:F2} ms, max {kind.Max,7:F2} ms  {kind.Kind}"));
        }
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql)
    {
        await using var command = dataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    [GeneratedRegex(@"duration: (?<ms>[0-9.]+) ms  plan:\s*\n\s*Query Text: (?<query>[^\n]*)")]
    private static partial Regex Duration();
}
