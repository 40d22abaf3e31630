using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// IPTC Media Topics (top level), multi-label: cue words from <see cref="CategoryLexicon"/> weighted by
/// where they stand (title and tags count most, then the lead), as shares of all the evidence, top first.
/// </summary>
public sealed class CategoryStep(CategoryLexicon lexicon) : IEnrichmentStep
{
    public const double MinShare = 0.12;
    public const int MaxCategories = 4;
    public const double MinEvidence = 1.0;

    public string Name => "Categories";

    public void Apply(EnrichmentContext context)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = context.Text;
        Score(text.Title, 2.5, scores);
        foreach (var tag in context.Article.Tags)
        {
            Score(tag, 2.5, scores);
        }

        for (var i = 0; i < text.Paragraphs.Count; i++)
        {
            Score(text.Paragraphs[i], i == 0 ? 1.5 : 1.0, scores);
        }

        var total = scores.Values.Sum();
        if (total < MinEvidence)
        {
            context.Categories = [];
            return;
        }

        context.Categories = scores
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select((s, rank) => (s.Key, Share: s.Value / total, rank))
            .Where(s => s.rank == 0 || s.Share >= MinShare)
            .Take(MaxCategories)
            .Select(s => new CategoryScore { Code = s.Key, Score = Math.Round(s.Share, 3) })
            .ToList();
    }

    private void Score(string text, double weight, Dictionary<string, double> scores)
    {
        string? previous = null;
        foreach (var token in Words.Of(text))
        {
            var word = token.ToLowerInvariant();
            Add(lexicon.Match(word), weight, scores);
            if (previous is not null)
            {
                Add(lexicon.Match(previous + " " + word), weight, scores);
            }

            previous = word;
        }
    }

    private static void Add(IEnumerable<(string Code, double Weight)> matches, double weight, Dictionary<string, double> scores)
    {
        foreach (var (code, w) in matches)
        {
            scores[code] = scores.GetValueOrDefault(code) + (w * weight);
        }
    }
}
