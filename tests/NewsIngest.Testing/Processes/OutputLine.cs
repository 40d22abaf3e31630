namespace NewsIngest.Testing;

/// <summary>One line a <see cref="ServiceProcess"/> printed, in arrival order across both streams.</summary>
public sealed record OutputLine(bool IsError, string Text, DateTimeOffset At)
{
    public override string ToString() => IsError ? $"[stderr] {Text}" : Text;
}
