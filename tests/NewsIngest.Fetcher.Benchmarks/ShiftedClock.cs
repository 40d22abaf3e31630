namespace NewsIngest.Fetcher.Benchmarks;

/// <summary>System time moved forward on demand, so a second cycle finds every feed due again; timers are untouched.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    public TimeSpan Offset { get; set; }

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + Offset;
}
