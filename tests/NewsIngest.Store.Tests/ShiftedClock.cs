namespace NewsIngest.Store.Tests;

/// <summary>The system clock moved forward by <see cref="Advance"/>: leases run out without waiting for them.</summary>
internal sealed class ShiftedClock : TimeProvider
{
    private long _shiftTicks;

    public void Advance(TimeSpan by) => Interlocked.Add(ref _shiftTicks, by.Ticks);

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + TimeSpan.FromTicks(Interlocked.Read(ref _shiftTicks));
}
