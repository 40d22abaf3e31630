using System.Collections.Frozen;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// An extractive summary of two or three sentences: the lead sentence is favoured (news puts the gist
/// first), the rest are the sentences richest in the article's recurring content words and title words.
/// </summary>
public sealed class SummaryStep(StopWords stopWords) : IEnrichmentStep
{
    public const int MinWords = 6;
    public const int MaxWords = 60;

    public string Name => "Summary";

    public void Apply(EnrichmentContext context)
    {
        var sentences = context.Text.Sentences;
        if (sentences.Count == 0)
        {
            context.Summary = null;
            return;
        }

        var stop = stopWords.For(context.Language);
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var content = sentences.Select(s => ContentWords(context.Text.WordsOf(s.Text), stop)).ToList();
        foreach (var word in content.SelectMany(c => c))
        {
            frequency[word] = frequency.GetValueOrDefault(word) + 1;
        }

        var title = ContentWords(context.Text.WordsOf(context.Text.Title), stop).ToHashSet(StringComparer.Ordinal);
        var relevance = content
            .Select(words => words.Count == 0 ? 0 : words.Sum(w => Math.Log(1 + frequency[w]) + (title.Contains(w) ? 1.0 : 0)) / Math.Pow(words.Count, 0.6))
            .ToList();
        var top = Math.Max(relevance.Max(), 1e-9);

        var wanted = sentences.Count >= 6 ? 3 : Math.Min(2, sentences.Count);
        var picked = sentences
            .Select((s, i) => (Sentence: s, Score: (relevance[i] / top) + PositionBonus(s) - ShapePenalty(s.Text, context.Text.WordsOf(s.Text))))
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Sentence.Index)
            .Take(wanted)
            .Select(x => x.Sentence)
            .OrderBy(s => s.Index);

        context.Summary = string.Join(" ", picked.Select(s => s.Text));
    }

    private static double PositionBonus(Sentence sentence) =>
        sentence.Index == 0 ? 1.0 : 0.4 / (1 + sentence.Paragraph);

    private static double ShapePenalty(string text, IReadOnlyList<WordToken> tokens)
    {
        var words = Words.Count(tokens);
        var penalty = 0.0;
        if (words < MinWords || words > MaxWords)
        {
            penalty += 0.8;
        }

        if (text.EndsWith('?'))
        {
            penalty += 0.5;
        }

        return penalty;
    }

    private static List<string> ContentWords(IReadOnlyList<WordToken> tokens, FrozenSet<string> stop)
    {
        var words = new List<string>(tokens.Count);
        foreach (var token in tokens)
        {
            var w = token.Value;
            if (w.Length > 1 && !char.IsDigit(w[0]) && !stop.Contains(w))
            {
                words.Add(token.Lower);
            }
        }

        return words;
    }
}
