using System.Globalization;

namespace NewsIngest.FaultTests.Faults;

/// <summary>What one fault run measured; <see cref="Summary"/> is the line the suite prints per scenario.</summary>
/// <param name="Duplicated">Records the subscriber received more than once (repeats the broker did not mark as redelivered).</param>
/// <param name="StreamRecords">Records the replay stream holds (what the pipeline published, repeats included).</param>
/// <param name="PublishedTwice">Records the replay stream holds more than once: what the pipeline itself published twice.</param>
/// <param name="PublishedTwiceAt">Where in the stream each such record's copies are (1-based positions), e.g. <c>402/403</c>; empty when none.</param>
public sealed record FaultOutcome(
    string Scenario,
    int Articles,
    int Lost,
    int Duplicated,
    int StreamRecords,
    int PublishedTwice,
    string PublishedTwiceAt,
    int Unrecognised,
    IReadOnlyDictionary<string, long> ErrorQueues,
    TimeSpan? Drain,
    TimeSpan DrainBound,
    bool Settled,
    int VisibleAtFault,
    int ArrivedAtFault,
    long StoredRows,
    long PendingRows,
    IReadOnlyList<string> ExitedServices,
    TimeSpan? SlowestRepoll)
{
    public long ErrorMessages => ErrorQueues.Values.Sum();

    public string Summary()
    {
        var errors = ErrorMessages == 0 ? "0" : $"{ErrorMessages} ({string.Join(", ", ErrorQueues.Where(q => q.Value > 0).Select(q => $"{q.Key} {q.Value}"))})";
        var drain = Drain is { } time ? $"{time.TotalSeconds:0.0} s (bound {DrainBound.TotalSeconds:0} s)" : $"not drained within {DrainBound.TotalSeconds:0} s";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"fault-suite | {Scenario,-22} | {Articles} articles | lost {Lost} | duplicated {Duplicated} (stream {StreamRecords} records, published twice {PublishedTwice}{(PublishedTwice > 0 ? $" at stream positions {PublishedTwiceAt}" : string.Empty)}) | error queues {errors} | drain {drain} | feeds polled again {(SlowestRepoll is { } repoll ? $"within {repoll.TotalSeconds:0.0} s" : "not all")} | fault at {ArrivedAtFault} on the topic, {VisibleAtFault} visible | rows {StoredRows} stored, {PendingRows} unpublished{(Settled ? string.Empty : " | queues did not settle")}{(Unrecognised > 0 ? $" | {Unrecognised} unrecognised records" : string.Empty)}{(ExitedServices.Count > 0 ? $" | exited: {string.Join(", ", ExitedServices)}" : string.Empty)}");
    }
}
