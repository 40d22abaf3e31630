namespace NewsIngest.LoadDriver;

/// <summary>Nearest-rank percentiles of a set of durations.</summary>
internal sealed class Percentiles(IEnumerable<TimeSpan> samples)
{
    private readonly TimeSpan[] _sorted = [.. samples.Order()];

    public int Count => _sorted.Length;

    public TimeSpan At(double percent) =>
        _sorted.Length == 0 ? TimeSpan.Zero : _sorted[Math.Clamp((int)Math.Ceiling(percent / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];

    public string Describe() =>
        Count == 0 ? "no samples" : FormattableString.Invariant($"p50 {At(50).TotalSeconds:0.000} s, p95 {At(95).TotalSeconds:0.000} s, p99 {At(99).TotalSeconds:0.000} s ({Count} articles)");
}
