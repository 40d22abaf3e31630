using System.Diagnostics;
using System.Text.Json;
using NewsIngest.Parser.Extraction;

namespace NewsIngest.Parser.Benchmarks;

/// <summary>Times <see cref="ArticleExtractor"/> over the dev pages already in memory, after one warm-up pass.</summary>
internal static class ExtractorTimer
{
    public static double PagesPerSecond(string devSet, int rounds)
    {
        using var truth = JsonDocument.Parse(File.ReadAllText(Path.Combine(devSet, "ground-truth.json")));
        var pages = truth.RootElement.EnumerateObject()
            .Select(p => (Bytes: File.ReadAllBytes(Path.Combine(devSet, "pages", p.Name + ".html")), Url: new Uri(p.Value.GetProperty("url").GetString()!)))
            .ToList();
        var extractor = new ArticleExtractor();

        ExtractAll(extractor, pages);
        var stopwatch = Stopwatch.StartNew();
        for (var r = 0; r < rounds; r++)
        {
            ExtractAll(extractor, pages);
        }

        return pages.Count * rounds / stopwatch.Elapsed.TotalSeconds;
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
