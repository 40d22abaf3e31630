using System.Diagnostics;
using System.Text.Json;
using NewsIngest.Parser.Extraction;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Benchmarks;

/// <summary>Times <see cref="ArticleExtractor"/> over the dev pages already in memory, after one warm-up pass.</summary>
internal static class ExtractorTimer
{
    /// <summary>Pages per second of wall clock and of this thread's CPU time, and bytes allocated per page.</summary>
    public sealed record Result(double PagesPerSecond, double PagesPerCpuSecond, double AllocatedBytesPerPage);

    public static Result Measure(string devSet, int rounds)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(devSet, "ground-truth.json")));
        var pages = truth.RootElement.EnumerateObject()
            .Select(p => (Bytes: File.ReadAllBytes(Path.Combine(devSet, "pages", p.Name + ".html")), Url: new Uri(p.Value.GetProperty("url").GetString()!)))
            .ToList();
        var extractor = new ArticleExtractor();

        ExtractAll(extractor, pages);
        GC.Collect();
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var cpuBefore = ThreadCpuClock.NowMilliseconds();
        var stopwatch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            ExtractAll(extractor, pages);
        }

        var wall = stopwatch.Elapsed.TotalSeconds;
        var cpu = (ThreadCpuClock.NowMilliseconds() - cpuBefore) / 1000;
        var count = pages.Count * rounds;
        return new Result(count / wall, count / cpu, (GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / (double)count);
    }

    private static void ExtractAll(ArticleExtractor extractor, List<(byte[] Bytes, Uri Url)> pages)
    {
        foreach (var (bytes, url) in pages)
        {
            // Decoding is part of the work, as in batch mode.
            extractor.Extract(HtmlDecoding.Decode(bytes, null), url);
        }
    }
}
