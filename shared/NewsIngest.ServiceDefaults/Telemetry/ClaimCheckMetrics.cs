using System.Diagnostics.Metrics;

namespace NewsIngest.ServiceDefaults;

/// <summary>Bytes put into and removed from the claim-check store (<c>NewsIngest.ClaimCheck</c> meter).</summary>
public static class ClaimCheckMetrics
{
    public const string MeterName = TelemetryNames.Prefix + "ClaimCheck";

    private static readonly Meter Meter = new(MeterName, ServiceVersion.Current);

    private static readonly Counter<long> Written = Meter.CreateCounter<long>(
        "newsingest.claimcheck.written", "By", "Bytes of message bodies written to the claim-check store");

    private static readonly Counter<long> Deleted = Meter.CreateCounter<long>(
        "newsingest.claimcheck.deleted", "By", "Bytes of message bodies removed from the claim-check store");

    public static void RecordWritten(long bytes) => Written.Add(bytes);

    public static void RecordDeleted(long bytes) => Deleted.Add(bytes);
}
