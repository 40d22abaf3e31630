using System.Buffers;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// IPTC Media Topics (top level), multi-label, from evidence with sense: cue words and phrases from
/// <see cref="CategoryLexicon"/> weighted by where they stand (title and feed categories count most, then the
/// lead), a word inside a name counting little ("Star Wars" is no war); the source's section in the URL path
/// ("/tennis/", "/markets/"); and the entities found (a sports club points to sport, a party to politics).
/// Scores are shares of all the evidence, top first: the first is the topic, its share the confidence.
/// </summary>
public sealed class CategoryStep(CategoryLexicon lexicon, NameBase names) : IEnrichmentStep
{
    public const double MinShare = 0.12;
    public const int MaxCategories = 4;
    public const double MinEvidence = 1.0;

    /// <summary>Weight of a section word in the URL path, and of one mention of a known entity with a topic.</summary>
    public const double SectionWeight = 4.0;
    public const double EntityWeight = 1.0;

    /// <summary>A cue word written with a capital inside a sentence is part of a name: it counts this much.</summary>
    public const double NameWordWeight = 0.2;

    private static readonly SearchValues<char> SentenceBreaks = SearchValues.Create(".!?:;\"“”‘«—–|([");

    public string Name => "Categories";

    public void Apply(EnrichmentContext context)
    {
        var scores = new Dictionary<string, double>(StringComparer.Ordinal);
        var text = context.Text;
        Score(text, text.Title, 2.5, scores, headline: true);
        foreach (var tag in context.Article.Tags)
        {
            Score(text, tag, 2.5, scores, headline: true);
        }

        for (var i = 0; i < text.Paragraphs.Count; i++)
        {
            Score(text, text.Paragraphs[i], i == 0 ? 1.5 : 1.0, scores, headline: false);
        }

        foreach (var section in UrlSections.Of(context.Article.Url))
        {
            Add(lexicon.Section(section), SectionWeight, scores);
        }

        foreach (var entity in context.Entities)
        {
            if (names.Find(entity.Name) is { Topic: { } topic })
            {
                scores[topic] = scores.GetValueOrDefault(topic) + (EntityWeight * Math.Min(entity.Mentions, 3));
            }
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
            .Where(s => s.rank <= 1 || s.Share >= MinShare)
            .Take(MaxCategories)
            .Select(s => new CategoryScore { Code = s.Key, Score = Math.Round(s.Share, 3) })
            .ToList();
    }

    private void Score(ArticleText article, string text, double weight, Dictionary<string, double> scores, bool headline)
    {
        var nameWords = article.NameWords;
        // A phrase cue ("cours du soir", "interest rate") is matched from each word that begins one, word by word,
        // within the sentence; its weight is its last word's.
        var open = new List<string>();
        var sentenceStart = true;
        var last = 0;
        foreach (var match in article.WordsOf(text))
        {
            var token = match.Value;
            var gap = text.AsSpan(last, match.Index - last);
            var broken = last == 0 || gap.IndexOfAny(SentenceBreaks) >= 0;
            sentenceStart |= broken;
            last = match.End;

            // In running text a capital inside a sentence marks a name; a headline capitalises every word, so
            // there a word counts as a name's when the body only writes it so.
            var word = match.Lower;
            var inName = headline ? nameWords.Contains(word) : !sentenceStart && char.IsUpper(token[0]);
            var w = inName ? weight * NameWordWeight : weight;
            Add(lexicon.Match(word), w, scores);

            var kept = 0;
            for (var i = 0; i < open.Count && !broken; i++)
            {
                var phrase = open[i] + " " + word;
                Add(lexicon.Phrase(phrase), w, scores);
                if (lexicon.PhraseStart(phrase))
                {
                    open[kept++] = phrase;
                }
            }

            open.RemoveRange(kept, open.Count - kept);
            if (lexicon.PhraseStart(word))
            {
                open.Add(word);
            }

            sentenceStart = false;
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
