using System.Globalization;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// What the benchmark found at one number of stored stories, from every run at that size: the one replica's throughput,
/// decision time and CPU per decision (medians of its runs), the most memory and the longest time to ready of any replica,
/// and for each three-replica configuration its throughput against the one replica of the same round (the median of the
/// rounds' ratios, and each ratio).
/// </summary>
internal sealed record SizeSummary(
    int Size, double Throughput, double MedianDecisionMs, double CpuPerDecision, double MinRssMb, double MaxRssMb, double MaxReadyMs,
    IReadOnlyList<(string Name, double[] Ratios)> Replicas)
{
    public static SizeSummary Of(int size, IReadOnlyList<(int Round, DecisionRunResult Run)> runs)
    {
        var singles = runs.Where(entry => entry.Run.InFlight.Length == 1).ToList();
        var results = runs.SelectMany(entry => entry.Run.Results).ToList();
        var replicas = runs.Where(entry => entry.Run.InFlight.Length > 1)
            .GroupBy(entry => entry.Run.Name)
            .Select(group => (group.Key, group.Select(entry => entry.Run.Throughput / singles.Single(single => single.Round == entry.Round).Run.Throughput).ToArray()))
            .ToList();
        return new SizeSummary(
            size,
            Median(singles.Select(entry => entry.Run.Throughput)),
            Median(singles.Select(entry => DecisionRunResult.Field(entry.Run.Results[0], "median_ms"))),
            Median(singles.Select(entry => entry.Run.ClientCpu + entry.Run.ServerCpuPerDecision)),
            results.Min(result => DecisionRunResult.Field(result, "rss_mb")),
            results.Max(result => DecisionRunResult.Field(result, "rss_mb")),
            results.Max(result => DecisionRunResult.Field(result, "ready_ms")),
            replicas);
    }

    /// <summary>The summary's line; CPU per decision also as a ratio to <paramref name="smallest"/>'s.</summary>
    public string Line(SizeSummary smallest)
    {
        var one = string.Create(
            CultureInfo.InvariantCulture,
            $"{Size,9:N0} stories: 1 replica {Throughput:F0} decisions/s, median decision {MedianDecisionMs:F2} ms, CPU per decision {CpuPerDecision:F2} ms ({CpuPerDecision / smallest.CpuPerDecision:F2}x of {smallest.Size:N0}); ");
        var memory = string.Create(CultureInfo.InvariantCulture, $"replica RSS {MinRssMb:F0}-{MaxRssMb:F0} MB; ready at most {MaxReadyMs:F0} ms; ");
        var three = Replicas.Select(replica => string.Create(
            CultureInfo.InvariantCulture,
            $"{replica.Name} in flight {Median(replica.Ratios):F2}x of 1 ({string.Join(", ", replica.Ratios.Select(ratio => ratio.ToString("F2", CultureInfo.InvariantCulture)))})"));
        return one + memory + string.Join("; ", three);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
