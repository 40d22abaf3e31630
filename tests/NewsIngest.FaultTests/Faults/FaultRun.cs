using System.Diagnostics;
using NewsIngest.Testing;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.FaultTests.Faults;

/// <summary>
/// One scenario of the fault suite: the four services over a fresh broker and database, 1,000 distinct generated
/// articles revealed in their feeds a step ahead of the topic (so every stage, the fetcher too, is busy at the fault
/// on a fast or a slow machine), the fault injected once 40 % of them are on the topic, the rest revealed once it is
/// over, and then a wait (bounded) until every article is there and the queues and the outbox are empty.
/// <para>
/// The drain bound scales with the machine: the outage, plus <see cref="FaultAllowance"/>, plus twice the time the rest
/// of the articles take at the rate measured before the fault. On an idle machine a fault that costs minutes (a lease
/// left to expire) exceeds it; on a heavily loaded one the bound grows, and the suite's check that every feed is polled
/// again within 30 s of a fetcher restart still catches a stalled fetcher. A message stranded in an error queue never drains.
/// </para>
/// </summary>
public static class FaultRun
{
    public const int Articles = 1_000;

    /// <summary>Articles visible in the feeds beyond those already on the topic.</summary>
    public const int RevealLead = 100;

    /// <summary>What a fault may cost beyond its outage and the remaining work: reconnects, restarts, redeliveries.</summary>
    public static readonly TimeSpan FaultAllowance = TimeSpan.FromSeconds(120);

    private static readonly TimeSpan UntilFault = TimeSpan.FromMinutes(8);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan Quiet = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StreamDeadline = TimeSpan.FromSeconds(60);

    public static async Task<FaultOutcome> RunAsync(Fault fault, CancellationToken cancellationToken)
    {
        var articles = new ArticleGenerator(fault.Seed).Generate(Articles);
        await using var harness = await PipelineHarness.StartAsync(new PipelineHarnessOptions(articles), cancellationToken);
        var started = Stopwatch.GetTimestamp();
        using var revealing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reveal = harness.Feeds.RevealAheadAsync(() => harness.Topic.Distinct, RevealLead, revealing.Token);
        await Eventually.UntilAsync(() => harness.ArticlesArrived().Count >= Articles * 4 / 10, UntilFault, "40 % of the articles are on the topic", cancellationToken);
        var visibleAtFault = harness.Feeds.Visible;
        var arrivedAtFault = harness.ArticlesArrived().Count;

        var injected = Stopwatch.GetTimestamp();
        var rateBeforeFault = arrivedAtFault / Stopwatch.GetElapsedTime(started, injected).TotalSeconds;
        var drainBound = fault.Outage + FaultAllowance + TimeSpan.FromSeconds(2 * (Articles - arrivedAtFault) / rateBeforeFault);
        await fault.Inject(harness);
        await Task.Delay(fault.Outage, cancellationToken);
        await fault.Recover(harness);
        var recovered = DateTimeOffset.UtcNow;

        // The fault is over: the rest of the articles appear at once (a pipeline that lost some would otherwise stall
        // the step-ahead reveal, and articles never offered would count as lost).
        await revealing.CancelAsync();
        try
        {
            await reveal;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Stopped above.
        }

        harness.Feeds.RevealAll();

        var drained = await TryUntilAsync(() => harness.ArticlesArrived().Count == Articles, drainBound - Stopwatch.GetElapsedTime(injected), cancellationToken);
        var settled = drained && await TryUntilAsync(
            async () => harness.Topic.SinceLastArrival > Quiet && await harness.WorkQueuedAsync(cancellationToken) == 0 && (await harness.StoredRowsAsync(cancellationToken)).Pending == 0,
            Settle,
            cancellationToken);

        var deliveries = harness.Deliveries();
        var recognised = deliveries.Where(d => d.Index is not null).ToList();
        var distinct = recognised.Select(d => d.Index).Distinct().Count();
        var lastFirstArrival = recognised.Where(d => d.Delivery.First).Select(d => d.Delivery.ArrivedAt).DefaultIfEmpty(injected).Max();
        var rows = await harness.StoredRowsAsync(cancellationToken);
        var published = await ReplayStreamReader.ReadAsync(harness.Broker, "/", (int)(rows.Stored - rows.Pending), StreamDeadline);
        var repeats = published.Select((id, position) => (id, position: position + 1)).GroupBy(p => p.id).Where(g => g.Count() > 1).ToList();
        return new FaultOutcome(
            fault.Name,
            Articles,
            Lost: Articles - distinct,
            Duplicated: recognised.Count - distinct,
            StreamRecords: published.Count,
            PublishedTwice: repeats.Sum(g => g.Count() - 1),
            PublishedTwiceAt: string.Join(", ", repeats.Select(g => string.Join('/', g.Select(p => p.position)))),
            Unrecognised: deliveries.Count - recognised.Count,
            await harness.ErrorQueuesAsync(cancellationToken),
            drained ? Stopwatch.GetElapsedTime(injected, lastFirstArrival) : null,
            drainBound,
            settled,
            visibleAtFault,
            arrivedAtFault,
            rows.Stored,
            rows.Pending,
            [.. harness.Services.Processes.Where(p => p.Value.HasExited).Select(p => p.Key)],
            SlowestRepoll(harness, recovered));
    }

    /// <summary>Longest time from the recovery until a feed was requested again; null when some feed never was.</summary>
    private static TimeSpan? SlowestRepoll(PipelineHarness harness, DateTimeOffset recovered)
    {
        var firsts = harness.Feeds.FeedUrls
            .Select(url => harness.Server.RequestsTo(url.AbsolutePath).Where(r => r.ReceivedAt >= recovered).Select(r => (DateTimeOffset?)r.ReceivedAt).Min())
            .ToList();
        return firsts.Any(f => f is null) ? null : firsts.Max(f => f!.Value - recovered);
    }

    private static async Task<bool> TryUntilAsync(Func<Task<bool>> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Eventually.UntilAsync(condition, timeout > TimeSpan.Zero ? timeout : TimeSpan.Zero, "the run has drained", cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private static Task<bool> TryUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken cancellationToken) =>
        TryUntilAsync(() => Task.FromResult(condition()), timeout, cancellationToken);
}
