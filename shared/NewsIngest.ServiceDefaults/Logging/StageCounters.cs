namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Items a service took in, put out and failed on, for its periodic summary line (<see cref="SummaryLogger"/>).
/// The service's own metrics class bumps these next to its meters; one process has one set.
/// </summary>
public static class StageCounters
{
    private static long _in;
    private static long _out;
    private static long _errors;

    public static void In(long count = 1) => Interlocked.Add(ref _in, count);

    public static void Out(long count = 1) => Interlocked.Add(ref _out, count);

    public static void Error(long count = 1) => Interlocked.Add(ref _errors, count);

    public static StageTotals Read() => new(Interlocked.Read(ref _in), Interlocked.Read(ref _out), Interlocked.Read(ref _errors));
}

/// <summary>Totals since the process started.</summary>
public readonly record struct StageTotals(long In, long Out, long Errors)
{
    public StageTotals Since(StageTotals earlier) => new(In - earlier.In, Out - earlier.Out, Errors - earlier.Errors);
}
