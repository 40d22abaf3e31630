using NewsIngest.Contracts;
using NewsIngest.Store.Stories;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// Numbered articles for a replica to decide — fresh ones and, every fifth, a copy of a stored story — and the tally of
/// the ones it decided: each one's decision time, the copies it found, fresh ones it matched (there should be none),
/// candidates compared, the most decisions it had alongside one. The warm-up and the timed part both decide through
/// <see cref="DecideAsync"/>, so the code the clock measures is the code the warm-up tiered up, the sighting path included.
/// </summary>
internal sealed class DecisionBatch
{
    private readonly List<(ArticleStored Record, bool Copy)> _items;
    private int _decided;
    private int _copiesFound;
    private int _freshMatched;
    private int _maxAlongside;
    private long _candidates;

    public DecisionBatch(int count, SyntheticNews news, IReadOnlyList<(string Title, List<string> Paragraphs)> stored, int firstCopied, Func<(string Title, List<string> Paragraphs), ArticleStored> record)
    {
        _items = Enumerable.Range(0, count)
            .Select(i => i % 5 == 0 ? (Record: record(news.Copy(stored[(i + firstCopied) % stored.Count])), Copy: true) : (Record: record(news.Article()), Copy: false))
            .ToList();
        Times = new double[count];
    }

    public int Count => _items.Count;

    /// <summary>Per item its decision time in ms, 0 for the items another replica claimed.</summary>
    public double[] Times { get; }

    public int Decided => _decided;

    public int CopiesFound => _copiesFound;

    public int FreshMatched => _freshMatched;

    public int MaxAlongside => _maxAlongside;

    public double CandidatesPerDecision => (double)_candidates / _decided;

    /// <summary>The copies among the items this replica decided.</summary>
    public int CopiesDecided => Enumerable.Range(0, _items.Count).Count(i => _items[i].Copy && Times[i] > 0);

    /// <summary>Decides the items <paramref name="claim"/> hands out (-1: none left), <paramref name="parallel"/> at a time.</summary>
    public Task DecideAsync(StoryDeduplicator stories, Func<int> claim, int parallel) =>
        Task.WhenAll(Enumerable.Range(0, parallel).Select(_ => Task.Run(async () =>
        {
            for (var i = claim(); i >= 0; i = claim())
            {
                Interlocked.Increment(ref _decided);
                var decision = await stories.StoreAsync(_items[i].Record, CancellationToken.None);
                Times[i] = decision.Elapsed.TotalMilliseconds;
                Interlocked.Add(ref _candidates, decision.Candidates);
                var matched = decision.Outcome == StoryOutcome.Sighting;
                if (_items[i].Copy && matched)
                {
                    Interlocked.Increment(ref _copiesFound);
                }
                else if (!_items[i].Copy && matched)
                {
                    Interlocked.Increment(ref _freshMatched);
                }

                InterlockedMax(ref _maxAlongside, decision.Alongside);
            }
        })));

    private static void InterlockedMax(ref int target, int value)
    {
        for (var current = Volatile.Read(ref target); value > current; current = Volatile.Read(ref target))
        {
            if (Interlocked.CompareExchange(ref target, value, current) == current)
            {
                return;
            }
        }
    }
}
