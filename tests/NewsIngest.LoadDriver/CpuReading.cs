using NewsIngest.Testing;

namespace NewsIngest.LoadDriver;

/// <summary>CPU time used so far by each part of the run (a process tree each), read from /proc.</summary>
internal sealed class CpuReading
{
    private readonly Dictionary<string, TimeSpan> _byPart;

    private CpuReading(Dictionary<string, TimeSpan> byPart) => _byPart = byPart;

    public static CpuReading Take(IReadOnlyDictionary<string, int> processIds) =>
        new(processIds.ToDictionary(p => p.Key, p => ProcessMeter.CpuTime(p.Value), StringComparer.Ordinal));

    /// <summary>CPU used per part between <paramref name="earlier"/> and this reading.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Since(CpuReading earlier) =>
        _byPart.ToDictionary(p => p.Key, p => p.Value - earlier._byPart.GetValueOrDefault(p.Key), StringComparer.Ordinal);
}
