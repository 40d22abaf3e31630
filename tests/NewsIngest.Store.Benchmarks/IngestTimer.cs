using System.Diagnostics;
using NewsIngest.Store.Dedup;

namespace NewsIngest.Store.Benchmarks;

/// <summary>Fills a <see cref="StoryIndex"/> and times ingest (fingerprint + lookup + add) of a batch of
/// fresh articles, a fifth of them copies of stored stories, at the index's current size.</summary>
internal sealed class IngestTimer(SyntheticNews news)
{
    private readonly StoryIndex _index = new();
    private readonly List<(string Title, List<string> Paragraphs)> _recent = [];

    public StoryIndex Index => _index;

    public void FillTo(int stories)
    {
        while (_index.Count < stories)
        {
            var article = news.Article();
            _index.Add(Guid.NewGuid(), StoryFingerprint.Of(article.Title, article.Paragraphs));
            if (_recent.Count < 10_000)
            {
                _recent.Add(article);
            }
            else
            {
                _recent[_index.Count % _recent.Count] = article;
            }
        }
    }

    public BatchResult Measure(int articles)
    {
        // Texts are made before the clock starts: only the engine is timed.
        var batch = new List<(string Title, List<string> Paragraphs, bool Copy)>(articles);
        for (var i = 0; i < articles; i++)
        {
            var (title, paragraphs) = i % 5 == 0 ? news.Copy(_recent[i % _recent.Count]) : news.Article();
            batch.Add((title, paragraphs, i % 5 == 0));
        }

        long candidates = 0;
        int copiesFound = 0, copies = 0, freshMatched = 0;
        var collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2);
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var (title, paragraphs, copy) in batch)
        {
            var match = _index.FindOrAdd(Guid.NewGuid(), StoryFingerprint.Of(title, paragraphs));
            candidates += _index.LastCandidateCount;
            copies += copy ? 1 : 0;
            copiesFound += copy && match is not null ? 1 : 0;
            freshMatched += !copy && match is not null ? 1 : 0;
        }

        clock.Stop();
        cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
        collections = GC.CollectionCount(0) + GC.CollectionCount(1) + GC.CollectionCount(2) - collections;
        return new BatchResult(clock.Elapsed.TotalMicroseconds / articles, cpu.TotalMicroseconds / articles,
            (double)candidates / articles, (double)copiesFound / copies, freshMatched, collections);
    }
}

/// <summary>One timed batch: wall-clock and process CPU time per article (CPU time is what the ratio uses,
/// since the machine is shared and wall time swings with other load), lookup candidates, copies found,
/// fresh articles wrongly matched, garbage collections during the batch.</summary>
internal sealed record BatchResult(
    double WallMicroseconds, double CpuMicroseconds, double CandidatesPerLookup, double CopiesFound, int FreshMatched, int Collections);
