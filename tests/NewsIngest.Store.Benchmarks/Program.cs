using System.Diagnostics;
using System.Globalization;
using NewsIngest.Store.Benchmarks;

// Ingest cost of the story dedup index (fingerprint + lookup + add per article) at 10k and at 1M stored
// stories. Each size is measured in three batches and the fastest counts, so a burst of load from other
// processes on a shared machine does not decide the ratio.
// Usage: dotnet run -c Release --project tests/NewsIngest.Store.Benchmarks [-- LARGE [BATCH]]
var large = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 1_000_000;
var batch = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 5_000;
const int Small = 10_000;
const int Rounds = 3;

var timer = new IngestTimer(new SyntheticNews(seed: 2026));
timer.FillTo(Small);
timer.Measure(batch); // warm-up: JIT and caches
var small = Best(timer, batch);
Print(Small, small);

var fill = Stopwatch.StartNew();
timer.FillTo(large);
fill.Stop();
Console.WriteLine($"filled to {timer.Index.Count:N0} entries in {fill.Elapsed.TotalSeconds:F0} s");
var big = Best(timer, batch);
Print(large, big);

GC.Collect();
Console.WriteLine($"index arrays {timer.Index.MemoryBytes / 1e9:F2} GB, managed heap {GC.GetTotalMemory(false) / 1e9:F2} GB, "
    + $"working set {Environment.WorkingSet / 1e9:F2} GB");
Console.WriteLine($"ratio {large / 1000:N0}k/{Small / 1000}k per-article CPU time: {big.CpuMicroseconds / small.CpuMicroseconds:F2} "
    + $"(wall time: {big.WallMicroseconds / small.WallMicroseconds:F2}); must be <= 1.5");

static BatchResult Best(IngestTimer timer, int batch) =>
    Enumerable.Range(0, Rounds).Select(_ => timer.Measure(batch)).MinBy(result => result.CpuMicroseconds)!;

static void Print(int stories, BatchResult result) =>
    Console.WriteLine($"{stories,9:N0} stories: {result.CpuMicroseconds,6:F1} us/article CPU ({result.WallMicroseconds:F1} wall), "
        + $"{result.CandidatesPerLookup:F2} candidates/lookup, copies found {result.CopiesFound:P1}, "
        + $"fresh articles matched {result.FreshMatched}, {result.Collections} GCs");
