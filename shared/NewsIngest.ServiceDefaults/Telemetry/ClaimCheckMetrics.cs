using System.Diagnostics.Metrics;

namespace NewsIngest.ServiceDefaults;

/// <summary>Bytes put into the claim-check store (<c>NewsIngest.ClaimCheck</c> meter).</summary>
public static class ClaimCheckMetrics
{
    public const string MeterName = TelemetryNames.Prefix + "ClaimCheck";

    private static readonly Meter Meter = new(MeterName, ServiceVersion.Current);

    private static readonly Counter<long> Written = Meter.CreateCounter<long>(
        "newsingest.claimcheck.written", "By", "Bytes of message bodies written to the claim-check store");

    /// <summary>The counter at 0 (see <see cref="CounterBaseline"/>).</summary>
    public static void RecordBaseline() => Written.Add(0);

    public static void RecordWritten(long bytes) => Written.Add(bytes);
}
