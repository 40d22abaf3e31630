using System.Diagnostics;
using System.Globalization;
using NewsIngest.Contracts;
using NewsIngest.Data;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Store.Stories;
using NewsIngest.Testing;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// One store replica in a run of the benchmark, as its own process so that its memory is only what a replica holds:
/// connect, migrate (ready), then decide on articles — a fifth of them copies of stories loaded first — with
/// <paramref name="parallel"/> decisions at a time, as a store's consumer does, taking each next article from the run's
/// <see cref="SharedWorkQueue"/> (every replica of the run makes the same numbered articles; each decides the ones it
/// claims) until the queue is empty. Prints one line of results (ready_jit_ms: time the JIT compiled from process start to
/// ready, within ready_ms; jit_ms: time it compiled within the timed part; both wall clocks of the compiling threads;
/// switches_per_decision and preempted_per_decision: its threads' voluntary and involuntary context switches in the timed
/// part per decision: how often a thread parked and had to be woken for the next round trip, and how often the saturated
/// machine took a core from one).
/// </summary>
internal static class DecisionRun
{
    private const int WarmUpRound = 100;
    private const int MinWarmUpDecisions = 500;
    private const int MaxWarmUpDecisions = 3_000;
    private const long SettledJitMethods = 2;
    private static readonly TimeSpan WarmUpPause = TimeSpan.FromMilliseconds(300);

    public static async Task<int> RunAsync(string connectionString, int decisions, int parallel, int seed, int replica, string queueFile)
    {
        var sinceProcessStart = DateTime.Now - Process.GetCurrentProcess().StartTime;
        var clock = Stopwatch.StartNew();
        var repository = new SqlArticleRepository(StoreDatabase.Postgres(connectionString));
        await repository.MigrateAsync(CancellationToken.None);
        var stories = new StoryDeduplicator(repository);
        var ready = sinceProcessStart + clock.Elapsed;
        var readyJit = System.Runtime.JitInfo.GetCompilationTime();
        var readyJitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var first = await stories.StoreAsync(Record(new SyntheticNews(-seed - replica).Article()), CancellationToken.None);
        var firstDecision = sinceProcessStart + clock.Elapsed;

        // The run's numbered articles, the same in every replica, made before the clock starts: copies of the first
        // stories the loader stored, and fresh ones.
        var stored = new SyntheticNews(seed: SyntheticNews.LoaderSeed);
        var originals = Enumerable.Range(0, BulkLoader.RealStories).Select(_ => stored.Article()).ToList();
        var batch = new DecisionBatch(decisions, new SyntheticNews(seed), originals, seed, Record);

        // Warm-up (tier-up JIT, pools): rounds of decisions on the same mix of fresh articles and copies, decided by
        // the same code at the replica's in-flight count, each followed by a pause in which the runtime's background
        // tier-up gets its turn, until a round and its pause compiled at most a couple of methods (at least
        // MinWarmUpDecisions, at most MaxWarmUpDecisions). So the timed part runs the code a long-running store runs,
        // the sighting path's as well as the new story's, and each replica's one-off tier-up is not counted against
        // three replicas; then replicas started together begin their batches together, when the benchmark says go.
        var warmUp = new SyntheticNews(seed + 50_000 + replica);
        var warmedUp = 0;
        var settled = false;
        while (!settled && warmedUp < MaxWarmUpDecisions)
        {
            var compiledBefore = System.Runtime.JitInfo.GetCompiledMethodCount();
            var round = new DecisionBatch(WarmUpRound, warmUp, originals, (originals.Count / 2) + warmedUp + replica, Record);
            var next = -1;
            await round.DecideAsync(stories, () => Interlocked.Increment(ref next) is var i && i < round.Count ? i : -1, parallel);
            await Task.Delay(WarmUpPause);
            warmedUp += WarmUpRound;
            settled = warmedUp >= MinWarmUpDecisions && System.Runtime.JitInfo.GetCompiledMethodCount() - compiledBefore <= SettledJitMethods;
        }

        using var queue = SharedWorkQueue.Open(queueFile, batch.Count);
        Console.WriteLine("READY");
        Console.ReadLine();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var jit = System.Runtime.JitInfo.GetCompilationTime();
        var jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount();
        var switches = ProcessMeter.ContextSwitches(Environment.ProcessId);
        var wall = Stopwatch.StartNew();
        await batch.DecideAsync(stories, queue.Claim, parallel);
        wall.Stop();
        var switchesAfter = ProcessMeter.ContextSwitches(Environment.ProcessId);
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        jit = System.Runtime.JitInfo.GetCompilationTime() - jit;
        jitMethods = System.Runtime.JitInfo.GetCompiledMethodCount() - jitMethods;
        GC.Collect();
        // This replica's share: the items it claimed (a decision takes at least a round trip, so none is 0).
        var mine = batch.Times.Where(time => time > 0).Order().ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT ready_ms={ready.TotalMilliseconds:F0} ready_jit_ms={readyJit.TotalMilliseconds:F0} ready_jit_methods={readyJitMethods} first_decision_ms={firstDecision.TotalMilliseconds:F0} first_outcome={first.Outcome} warm_up={warmedUp} "
            + $"decisions={batch.Decided} wall_s={wall.Elapsed.TotalSeconds:F2} cpu_ms={cpu.TotalMilliseconds:F0} "
            + $"median_ms={mine[mine.Length / 2]:F2} p95_ms={mine[mine.Length * 95 / 100]:F2} client_cpu_us={cpu.TotalMicroseconds / batch.Decided:F0} "
            + $"jit_ms={jit.TotalMilliseconds:F0} jit_methods={jitMethods} "
            + $"candidates={batch.CandidatesPerDecision:F2} copies_found={(double)batch.CopiesFound / batch.CopiesDecided:P1} fresh_matched={batch.FreshMatched} "
            + $"max_alongside={batch.MaxAlongside} "
            + $"switches_per_decision={(double)(switchesAfter.Voluntary - switches.Voluntary) / batch.Decided:F2} preempted_per_decision={(double)(switchesAfter.Involuntary - switches.Involuntary) / batch.Decided:F2} rss_mb={Environment.WorkingSet / 1e6:F1} heap_mb={GC.GetTotalMemory(false) / 1e6:F1}"));
        return 0;
    }

    // Each article under its own address (a copy on another site), so the canonical URL look-up runs too.
    private static ArticleStored Record((string Title, List<string> Paragraphs) article) => Record(article, Guid.NewGuid());

    private static ArticleStored Record((string Title, List<string> Paragraphs) article, Guid id) =>
        StoredRecordFactory.Create(
            new ArticleEnriched
            {
                ArticleId = id,
                CorrelationId = Guid.NewGuid(),
                EnrichedAt = DateTimeOffset.UtcNow,
                Article = new ParsedArticle { Title = article.Title, Paragraphs = article.Paragraphs, Source = "Synthetic Wire", Url = $"https://synthetic.example/decided/{id}" },
                Enrichment = new ArticleEnrichment { Language = "en", LanguageConfidence = 0.9, WordCount = 300, ReadingTimeMinutes = 1 },
            },
            DateTimeOffset.UtcNow);
}
