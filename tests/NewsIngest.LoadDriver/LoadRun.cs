using System.Diagnostics;
using System.Globalization;
using NewsIngest.Testing;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.LoadDriver;

/// <summary>
/// One run of the driver: the four services as processes over a throwaway broker and database (<see cref="PipelineHarness"/>),
/// a burst (every article visible at once), then a paced phase at half the burst's throughput, then the embedded mode
/// on the burst's articles and the raw broker ceiling; everything printed as plain lines.
/// </summary>
internal static class LoadRun
{
    public static async Task<int> RunAsync(DriverOptions options, TextWriter output)
    {
        var burstEnd = options.Articles + options.WarmArticles;
        var generated = burstEnd + options.PacedArticlesGenerated;
        var articles = new ArticleGenerator(options.Seed).Generate(generated, options.LongShare, options.NearDuplicateShare, options.FullPageShare);
        output.WriteLine(Invariant($"NewsIngest load driver — {DateTimeOffset.UtcNow:u}, {Environment.ProcessorCount} cores, load average {LoadAverage()}"));
        output.WriteLine(Invariant($"articles: {options.Articles} burst + {(options.PacedMinutes is { } m ? $"{m:0.#} minutes" : options.PacedArticles.ToString(CultureInfo.InvariantCulture))} paced, seed {options.Seed}, {articles.Count(a => a.WordCount > 500)} long (~800 words), {articles.Count(a => a.NearDuplicateOf is not null)} near-duplicates, {articles.Count(a => a.FullPage)} full-article pages of {generated}, {options.Feeds} feeds polled every {options.PollInterval.TotalSeconds:0.###} s{(options.EffectiveFeedWindow > 0 ? $" listing their newest {options.EffectiveFeedWindow} items" : string.Empty)}"));
        if (options.BrokerErlangArguments is { } erlangArguments)
        {
            output.WriteLine("broker Erlang VM arguments: " + erlangArguments);
        }

        await using var build = options.Published ? await ServiceBuild.PublishAsync(output, options.PhaseTimeout) : ServiceBuild.Built(options.ServicesFrom);
        output.WriteLine("services run: " + build.Description);
        var runs = new List<PipelineRun>();
        foreach (var (stores, index) in options.StoreRuns.Select((stores, index) => (stores, index)))
        {
            var label = options.StoreRuns.Count == 1 ? string.Empty : Invariant($"[run {index + 1}, {stores} store{(stores == 1 ? string.Empty : "s")}] ");
            if (stores > 1)
            {
                output.WriteLine(Invariant($"{label}store replicas: {stores}, competing for its queue over the one database"));
            }

            runs.Add(await RunPipelineAsync(options, articles, build, stores, label, output));
        }

        if (runs.Count > 1)
        {
            ReportStoreComparison(output, runs);
        }

        var (burst, warm) = (runs[0].Burst, runs[0].Warm);

        EmbeddedResult? embedded = null;
        double? embeddedWarm = null;
        var embeddedRuns = new List<EmbeddedResult>();
        if (!options.SkipEmbedded)
        {
            var cli = build.DllOf("NewsIngest.Cli", "newsingest");
            embedded = await EmbeddedRun.RunAsync(cli, [.. articles.Take(options.Articles)], options.Feeds, options.PhaseTimeout);
            embeddedRuns.Add(embedded);
            output.WriteLine(Invariant($"embedded `newsingest run --once` on the {options.Articles} burst articles: {embedded.Wall.TotalSeconds:0.0} s wall, {embedded.Cpu.TotalMilliseconds / options.Articles:0.00} CPU ms/article, peak RSS {embedded.PeakResidentBytes / 1048576.0:0} MB, exit {embedded.ExitCode}: {embedded.Summary}"));
            if (warm is { Complete: true })
            {
                // The embedded mode's steady state, to set against the warm burst's: cold runs on the burst and the
                // warm burst's articles together; what they cost beyond the burst-only runs is what the warm articles
                // cost it once its JIT has compiled what it runs (as the warm burst follows the cold one in the
                // pipeline). A difference of two runs carries both runs' noise: each size runs twice and the cheaper
                // run of each counts.
                var shorter = await EmbeddedRun.RunAsync(cli, [.. articles.Take(options.Articles)], options.Feeds, options.PhaseTimeout);
                EmbeddedResult[] longer =
                [
                    await EmbeddedRun.RunAsync(cli, [.. articles.Take(burstEnd)], options.Feeds, options.PhaseTimeout),
                    await EmbeddedRun.RunAsync(cli, [.. articles.Take(burstEnd)], options.Feeds, options.PhaseTimeout),
                ];
                embeddedRuns.AddRange([shorter, .. longer]);
                var baseline = Math.Min(embedded.Cpu.TotalMilliseconds, shorter.Cpu.TotalMilliseconds);
                embeddedWarm = (longer.Min(l => l.Cpu.TotalMilliseconds) - baseline) / options.WarmArticles;
                output.WriteLine(Invariant($"embedded again on the {options.Articles} burst articles: {shorter.Cpu.TotalMilliseconds / options.Articles:0.00} CPU ms/article, exit {shorter.ExitCode}; twice on the {burstEnd} burst and warm-burst articles: ")
                    + string.Join(" and ", longer.Select(l => Invariant($"{l.Wall.TotalSeconds:0.0} s wall, {l.Cpu.TotalSeconds:0.00} CPU s, exit {l.ExitCode}")))
                    + Invariant($"; the {options.WarmArticles} warm-burst articles beyond the {options.Articles} (cheaper run of each size): {embeddedWarm:0.00} CPU ms/article"));
            }
        }

        CeilingResult? ceiling = null;
        if (!options.SkipCeiling)
        {
            foreach (var quorum in new[] { false, true })
            {
                var result = await BrokerCeiling.RunAsync(options.CeilingMessages, quorum, options.BrokerErlangArguments, options.PhaseTimeout);
                output.WriteLine(Invariant($"raw broker ceiling (4 chained hops, {result.QueueType} queues, persistent 1 KB, confirms): {result.MessagesPerSecond:0} msg/s ({result.Messages} in {result.Elapsed.TotalSeconds:0.0} s), broker {result.BrokerCpu.TotalMilliseconds / result.Messages:0.000} CPU ms/message"));
                ceiling ??= result;
            }
        }

        var pipelineCpu = burst.TotalCpu.TotalMilliseconds / options.Articles;
        output.WriteLine(Invariant($"ratio pipeline / embedded CPU per article, both cold: {(embedded is not { ExitCode: 0 } ? "n/a" : (pipelineCpu / (embedded.Cpu.TotalMilliseconds / options.Articles)).ToString("0.00", CultureInfo.InvariantCulture))}× (target ≤ 1.5×)"));
        if (warm is { Complete: true })
        {
            output.WriteLine(Invariant($"ratio pipeline / embedded CPU per article, both warm (warm burst against the embedded mode's cost of the same articles beyond its cold run): {(embeddedWarm is > 0 && embeddedRuns.All(r => r.ExitCode == 0) ? (warm.TotalCpu.TotalMilliseconds / options.WarmArticles / embeddedWarm.Value).ToString("0.00", CultureInfo.InvariantCulture) : "n/a")}×"));
        }

        output.WriteLine(Invariant($"ratio pipeline articles/s / broker 4-hop msg/s (classic): {(ceiling is null ? "n/a" : (burst.ArticlesPerSecond / ceiling.MessagesPerSecond).ToString("0.000", CultureInfo.InvariantCulture))}"));
        return runs.All(run => run.Complete) && embeddedRuns.All(r => r.ExitCode == 0) ? 0 : 1;
    }

    /// <summary>One pipeline run: the services with <paramref name="stores"/> store replicas over a broker and database of
    /// its own, the burst, the warm burst and the paced phase, each reported with <paramref name="label"/> before its name.</summary>
    private static async Task<PipelineRun> RunPipelineAsync(DriverOptions options, IReadOnlyList<GeneratedArticle> articles, ServiceBuild build, int stores, string label, TextWriter output)
    {
        var burstEnd = options.Articles + options.WarmArticles;
        PhaseResult burst;
        PhaseResult? warm = null;
        PhaseResult? paced = null;
        IReadOnlyList<MemorySample> memory = [];
        IReadOnlyDictionary<string, long> peaks;
        var harnessOptions = new PipelineHarnessOptions(articles) { FeedCount = options.Feeds, PollInterval = options.PollInterval, FeedWindow = options.EffectiveFeedWindow, CommonSettings = options.Settings, StoreReplicas = stores, BrokerErlangArguments = options.BrokerErlangArguments, LocateServiceDll = project => build.DllOf(project) };
        await using (var harness = await PipelineHarness.StartAsync(harnessOptions))
        {
            var processes = harness.ProcessIds();
            burst = await RunPhaseAsync(harness, processes, 0, options.Articles, () => harness.Feeds.RevealUpTo(options.Articles), options.PhaseTimeout);
            Report(output, label + "burst", burst);
            if (burst.Complete && options.WarmArticles > 0)
            {
                warm = await RunPhaseAsync(harness, processes, options.Articles, burstEnd, () => harness.Feeds.RevealUpTo(burstEnd), options.PhaseTimeout);
                Report(output, label + "warm burst", warm);
            }

            var fastest = warm is { Complete: true } ? warm : burst;
            if (fastest.Complete && options.PacedArticlesGenerated > 0)
            {
                var pace = options.Pace ?? fastest.ArticlesPerSecond / 2;
                if (options.PacedMinutes is not null && options.Pace is null && pace > DriverOptions.PaceBound)
                {
                    output.WriteLine(Invariant($"half the burst is {pace:0.0} articles/s; a timed paced phase is generated for at most {DriverOptions.PaceBound:0}"));
                    pace = DriverOptions.PaceBound;
                }

                var pacedCount = options.PacedMinutes is { } minutes ? Math.Min(options.PacedArticlesGenerated, (int)Math.Ceiling(pace * 60 * minutes)) : options.PacedArticles;
                var total = burstEnd + pacedCount;
                output.WriteLine(Invariant($"{label}paced phase at {pace:0.0} articles/s{(options.Pace is null ? $" (half the {(fastest == warm ? "warm burst" : "burst")})" : string.Empty)}: {pacedCount} articles over {pacedCount / pace / 60:0.0} minutes"));
                using var sampling = new CancellationTokenSource();
                var sampler = options.PacedMinutes is { } length
                    ? MemorySample.TakeAtAsync(processes, [TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(length) - TimeSpan.FromSeconds(5)], sampling.Token)
                    : Task.FromResult<IReadOnlyList<MemorySample>>([]);
                paced = await RunPhaseAsync(harness, processes, burstEnd, total, () => _ = harness.Feeds.RevealPacedAsync(pace, total), options.PhaseTimeout + TimeSpan.FromMinutes(options.PacedMinutes ?? 0));
                await sampling.CancelAsync();
                memory = await sampler;
                Report(output, label + "paced", paced);
                ReportFlatness(output, memory);
            }

            peaks = processes.ToDictionary(p => p.Key, p => ProcessMeter.PeakResidentBytes(p.Value), StringComparer.Ordinal);
        }

        output.WriteLine(label + "peak RSS (VmHWM; largest process of each tree): " + string.Join(", ", peaks.Select(p => Invariant($"{Short(p.Key)} {p.Value / 1048576.0:0} MB"))));
        return new PipelineRun(stores, burst, warm, paced);
    }

    /// <summary>
    /// Each run whose store count is not the first run's against the nearest run of the first run's count (the mean of
    /// both when two are as near): its steady state's (the warm burst's, else the burst's) throughput and CPU per article.
    /// </summary>
    private static void ReportStoreComparison(TextWriter output, List<PipelineRun> runs)
    {
        var reference = runs[0].Stores;
        output.WriteLine("runs, steady state (warm burst, else burst): " + string.Join("; ", runs.Select((run, index) => Invariant(
            $"run {index + 1} {run.Stores} store{(run.Stores == 1 ? string.Empty : "s")} {run.Steady.ArticlesPerSecond:0.0}/s {run.Steady.TotalCpu.TotalMilliseconds / run.Steady.Articles:0.00} CPU ms/article"))));
        var ratios = new List<double>();
        foreach (var (run, index) in runs.Select((run, index) => (run, index)).Where(entry => entry.run.Stores != reference))
        {
            var nearest = runs.Select((other, at) => (other, at)).Where(entry => entry.other.Stores == reference)
                .GroupBy(entry => Math.Abs(entry.at - index)).MinBy(group => group.Key)!.ToList();
            var throughput = nearest.Average(entry => entry.other.Steady.ArticlesPerSecond);
            var ratio = run.Steady.ArticlesPerSecond / throughput;
            ratios.Add(ratio);
            output.WriteLine(Invariant($"run {index + 1} ({run.Stores} stores) against run {string.Join(" and ", nearest.Select(entry => entry.at + 1))} ({reference}): throughput {ratio:0.00}x, CPU per article {run.Steady.TotalCpu.TotalMilliseconds / run.Steady.Articles / nearest.Average(entry => entry.other.Steady.TotalCpu.TotalMilliseconds / entry.other.Steady.Articles):0.00}x"));
        }

        if (ratios.Count > 0)
        {
            var sorted = ratios.Order().ToList();
            var median = sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
            output.WriteLine(Invariant($"throughput against {reference} store{(reference == 1 ? string.Empty : "s")}: median {median:0.00}x of {ratios.Count} runs ({string.Join(", ", sorted.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture)))}), mean {ratios.Average():0.00}x"));
        }
    }

    private static async Task<PhaseResult> RunPhaseAsync(
        PipelineHarness harness, IReadOnlyDictionary<string, int> processes, int from, int to, Action reveal, TimeSpan timeout)
    {
        var jitBefore = await JitReading.TakeAsync(harness.Services);
        var before = CpuReading.Take(processes);
        var started = Stopwatch.GetTimestamp();
        reveal();
        var complete = true;
        try
        {
            await Eventually.UntilAsync(() => harness.ArticlesArrived().Count(i => i >= from && i < to) == to - from, timeout, "every article of the phase is on the topic");
        }
        catch (TimeoutException)
        {
            complete = false;
        }

        var cpu = CpuReading.Take(processes).Since(before);
        var jit = (await JitReading.TakeAsync(harness.Services)).Since(jitBefore);
        var deliveries = harness.Deliveries().Where(d => d.Index >= from && d.Index < to).ToList();
        var firsts = deliveries.GroupBy(d => d.Index!.Value).ToDictionary(g => g.Key, g => g.Min(d => d.Delivery.ArrivedAt));
        var last = firsts.Count == 0 ? Stopwatch.GetTimestamp() : firsts.Values.Max();
        var latencies = firsts.Select(f => Stopwatch.GetElapsedTime(harness.Feeds.VisibleAt(f.Key) ?? started, f.Value));
        var firstIds = deliveries.Where(d => d.Delivery.First).GroupBy(d => d.Index!.Value).ToDictionary(g => g.Key, g => g.MinBy(d => d.Delivery.ArrivedAt).Delivery.MessageId);
        var hops = HopLatencies(StageTimes.Read(harness.Services), firsts.Select(f => (
            firstIds.TryGetValue(f.Key, out var id) && Guid.TryParse(id, out var articleId) ? articleId : Guid.Empty,
            ToUtc(harness.Feeds.VisibleAt(f.Key) ?? started),
            ToUtc(f.Value))));
        return new PhaseResult(
            to - from,
            firsts.Count,
            deliveries.Count - firsts.Count,
            deliveries.Count(d => d.Delivery.IsUpdate),
            Stopwatch.GetElapsedTime(started, last),
            cpu,
            jit,
            new Percentiles(latencies),
            hops,
            complete);
    }

    /// <summary>
    /// Per hop, visible → fetched → parsed → enriched → stored → on the topic, over the articles whose every stage line
    /// was found; the services' clocks are this machine's, the same as <see cref="ToUtc"/>'s.
    /// </summary>
    private static IReadOnlyList<(string Hop, Percentiles Latency)> HopLatencies(StageTimes stages, IEnumerable<(Guid ArticleId, DateTimeOffset Visible, DateTimeOffset OnTopic)> articles)
    {
        var names = new[] { "visible" }.Concat(StageTimes.Stages.Select(s => s.Stage)).Append("topic").ToArray();
        var samples = names.Skip(1).Select(_ => new List<TimeSpan>()).ToArray();
        foreach (var (articleId, visible, onTopic) in articles)
        {
            var times = new[] { (DateTimeOffset?)visible }.Concat(StageTimes.Stages.Select(s => stages.At(s.Stage, articleId))).Append(onTopic).ToArray();
            if (times.Any(t => t is null))
            {
                continue;
            }

            for (var i = 1; i < times.Length; i++)
            {
                samples[i - 1].Add(times[i]!.Value - times[i - 1]!.Value);
            }
        }

        return [.. samples.Select((list, i) => ($"{names[i]} → {names[i + 1]}", new Percentiles(list)))];
    }

    /// <summary>A <see cref="Stopwatch"/> timestamp as the wall-clock time the services log (<c>@t</c>).</summary>
    private static DateTimeOffset ToUtc(long timestamp) => ClockAnchor.Utc + Stopwatch.GetElapsedTime(ClockAnchor.Timestamp, timestamp);

    private static void Report(TextWriter output, string phase, PhaseResult result)
    {
        output.WriteLine(Invariant($"{phase}: {result.Arrived}/{result.Articles} articles on the topic ({result.Updates} as article.updated, {result.Duplicates} duplicates) in {result.Elapsed.TotalSeconds:0.0} s = {result.ArticlesPerSecond:0.0} articles/s end to end{(result.Complete ? string.Empty : " — INCOMPLETE, phase timed out")}"));
        output.WriteLine(Invariant($"{phase}: latency item visible → topic: {result.Latency.Describe()}"));
        if (result.Hops.Count > 0 && result.Hops[0].Latency.Count > 0)
        {
            output.WriteLine(Invariant($"{phase}: latency per hop (from each service's per-article log line; {result.Hops[0].Latency.Count} articles), p50 / p99 s: ")
                + string.Join(", ", result.Hops.Select(h => Invariant($"{h.Hop} {h.Latency.At(50).TotalSeconds:0.000} / {h.Latency.At(99).TotalSeconds:0.000}"))));
        }
        output.WriteLine(Invariant($"{phase}: CPU ms/article: total {result.TotalCpu.TotalMilliseconds / result.Articles:0.00} = ") + string.Join(" + ", result.Cpu.OrderByDescending(c => c.Value).Select(c => Invariant($"{Short(c.Key)} {c.Value.TotalMilliseconds / result.Articles:0.00}"))));
        if (result.Jit.Count > 0)
        {
            output.WriteLine(Invariant($"{phase}: time inside the JIT compiler (the services' dotnet.jit.compilation.time: a wall clock, inflated by the machine's load), ms/article: ") + string.Join(", ", result.Jit.OrderByDescending(j => j.Value).Select(j => Invariant($"{Short(j.Key)} {j.Value.TotalMilliseconds / result.Articles:0.00}"))));
        }
    }

    /// <summary>Resident memory at minute 2 and at the last minute of a timed paced phase; flat: within ±10 % (the issue's target).</summary>
    private static void ReportFlatness(TextWriter output, IReadOnlyList<MemorySample> memory)
    {
        if (memory.Count < 2)
        {
            output.WriteLine(memory.Count == 0 ? "memory flatness: not measured (needs --paced-minutes ≥ 2 and a phase that lasts that long)" : "memory flatness: the paced phase ended before its last minute");
            return;
        }

        var (first, last) = (memory[0], memory[^1]);
        var changes = first.Resident.Keys.Select(k => (Part: k, First: first.Resident[k], Last: last.Resident.GetValueOrDefault(k))).ToList();
        output.WriteLine(Invariant($"memory flatness (VmRSS, largest process of each tree, paced minute {first.At.TotalMinutes:0} → minute {last.At.TotalMinutes:0}; target ±10 %): ")
            + string.Join(", ", changes.Select(c => Invariant($"{Short(c.Part)} {c.First / 1048576.0:0} → {c.Last / 1048576.0:0} MB ({(c.First == 0 ? 0 : (c.Last - c.First) * 100.0 / c.First):+0.0;-0.0;0.0} %)"))));
    }

    private static string Short(string part) => part.StartsWith("NewsIngest.", StringComparison.Ordinal) ? part["NewsIngest.".Length..].ToLowerInvariant() : part;

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>One reading of both clocks, taken once, to turn stopwatch timestamps into wall-clock times.</summary>
    private static class ClockAnchor
    {
        public static readonly long Timestamp = Stopwatch.GetTimestamp();

        public static readonly DateTimeOffset Utc = DateTimeOffset.UtcNow;
    }
}

internal sealed record PhaseResult(
    int Articles,
    int Arrived,
    int Duplicates,
    int Updates,
    TimeSpan Elapsed,
    IReadOnlyDictionary<string, TimeSpan> Cpu,
    IReadOnlyDictionary<string, TimeSpan> Jit,
    Percentiles Latency,
    IReadOnlyList<(string Hop, Percentiles Latency)> Hops,
    bool Complete)
{
    public TimeSpan TotalCpu => Cpu.Values.Aggregate(TimeSpan.Zero, (sum, c) => sum + c);

    public double ArticlesPerSecond => Arrived / Math.Max(Elapsed.TotalSeconds, 0.001);
}
