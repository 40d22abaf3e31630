using System.Collections.Frozen;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Key phrases: runs of content words between stop words and punctuation (as in RAKE), ranked by how
/// often the phrase and its words recur, with a boost for phrases in the title. Words any story uses
/// ("people", "lives", "country": <c>Data/generic-words.txt</c>) are left out, and so are the names of the
/// entities found (they are reported as entities), so the step runs after the entity step.
/// </summary>
public sealed class KeywordStep(StopWords stopWords) : IEnrichmentStep
{
    public const int MaxKeywords = 10;
    public const int MaxPhraseWords = 3;

    public string Name => "Keywords";

    public void Apply(EnrichmentContext context)
    {
        var stop = stopWords.For(context.Language);
        var phrases = new Dictionary<string, PhraseStats>(StringComparer.Ordinal);
        var wordFrequency = new Dictionary<string, int>(StringComparer.Ordinal);

        Collect(context.Text.Title, context.Text.WordsOf(context.Text.Title), inTitle: true, stop, phrases, wordFrequency);
        foreach (var sentence in context.Text.Sentences)
        {
            Collect(sentence.Text, context.Text.WordsOf(sentence.Text), inTitle: false, stop, phrases, wordFrequency);
        }

        var ranked = phrases
            .Select(p => (Key: p.Key, Stats: p.Value, Score: Score(p.Key, p.Value, wordFrequency)))
            .Where(p => p.Stats.Count > 1 || p.Stats.InTitle || (p.Key.Contains(' ', StringComparison.Ordinal) && p.Key.Split(' ').Any(w => wordFrequency[w] > 1)))
            .OrderByDescending(p => p.Score)
            .ThenBy(p => p.Key, StringComparer.Ordinal);

        var names = context.Entities
            .SelectMany(e => e.Aliases.Prepend(e.Name))
            .Select(n => " " + n.ToLowerInvariant() + " ")
            .ToList();
        var chosen = new List<(string Key, string Display)>();
        foreach (var (key, stats, _) in ranked)
        {
            if (chosen.Any(c => Overlaps(c.Key, key)) || names.Exists(n => n.Contains($" {key} ", StringComparison.Ordinal)))
            {
                continue;
            }

            chosen.Add((key, stats.Display));
            if (chosen.Count == MaxKeywords)
            {
                break;
            }
        }

        context.Keywords = chosen.Select(c => c.Display).ToList();
    }

    private static double Score(string key, PhraseStats stats, Dictionary<string, int> wordFrequency)
    {
        var words = key.Split(' ');
        var wordWeight = words.Sum(w => Math.Log(1 + wordFrequency[w])) / Math.Sqrt(words.Length);
        var score = (stats.Count * (1 + (0.4 * (words.Length - 1)))) + wordWeight;
        return stats.InTitle ? score * 1.5 : score;
    }

    private static bool Overlaps(string a, string b) =>
        $" {a} ".Contains($" {b} ", StringComparison.Ordinal) || $" {b} ".Contains($" {a} ", StringComparison.Ordinal)
        || a.TrimEnd('s') == b.TrimEnd('s');

    private static void Collect(
        string text,
        IReadOnlyList<WordToken> tokens,
        bool inTitle,
        FrozenSet<string> stop,
        Dictionary<string, PhraseStats> phrases,
        Dictionary<string, int> wordFrequency)
    {
        var run = new List<string>();
        var sentenceInitial = false;
        var previousEnd = -1;
        var first = true;
        foreach (var match in tokens)
        {
            var gap = previousEnd < 0 ? ReadOnlySpan<char>.Empty : text.AsSpan(previousEnd, match.Index - previousEnd);
            previousEnd = match.End;
            var word = match.Value.EndsWith("'s", StringComparison.Ordinal) || match.Value.EndsWith("’s", StringComparison.Ordinal)
                ? match.Value[..^2]
                : match.Value;

            // A phrase also ends where capitals start or stop ("rebel commander" | "Abu Khaled"), and a
            // title or role is not part of a key phrase ("Governor Andrew Bailey" gives "Andrew Bailey").
            var caseChange = run.Count > 0 && char.IsUpper(run[^1][0]) != char.IsUpper(word[0]);
            var role = EntityLexicon.Titles.Contains(word) || EntityLexicon.PersonCues.Contains(word);
            var content = IsContentWord(word, stop);
            var breaks = !gap.IsWhiteSpace() || !content || role || (caseChange && !inTitle && !first && !(run.Count == 1 && sentenceInitial));
            if (breaks)
            {
                Flush(run, inTitle, sentenceInitial, phrases, wordFrequency);
                sentenceInitial = false;
            }

            if (content && !role)
            {
                run.Add(word);
                if (first && !inTitle)
                {
                    sentenceInitial = run.Count == 1;
                }
            }

            first = false;
        }

        Flush(run, inTitle, sentenceInitial, phrases, wordFrequency);
    }

    /// <summary>Words common in any news story, which say nothing about this one.</summary>
    private static readonly FrozenSet<string> NewsWords = EmbeddedData.ReadSections("generic-words.txt").Values
        .SelectMany(lines => lines)
        .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static bool IsContentWord(string word, FrozenSet<string> stop) =>
        word.Length > 1 && !char.IsDigit(word[0]) && !stop.Contains(word) && !NewsWords.Contains(word) && !EntityLexicon.CalendarWords.Contains(word);

    private static void Flush(
        List<string> run,
        bool inTitle,
        bool sentenceInitial,
        Dictionary<string, PhraseStats> phrases,
        Dictionary<string, int> wordFrequency)
    {
        if (run.Count == 0)
        {
            return;
        }

        foreach (var word in run)
        {
            var lower = word.ToLowerInvariant();
            wordFrequency[lower] = wordFrequency.GetValueOrDefault(lower) + 1;
        }

        if (run.Count <= MaxPhraseWords)
        {
            Add(string.Join(' ', run), inTitle, sentenceInitial, phrases);
        }
        else
        {
            for (var i = 0; i < run.Count; i++)
            {
                Add(run[i], inTitle, sentenceInitial && i == 0, phrases);
            }
        }

        run.Clear();
    }

    private static void Add(string surface, bool inTitle, bool sentenceInitial, Dictionary<string, PhraseStats> phrases)
    {
        var key = surface.ToLowerInvariant();
        if (key.Length < 3)
        {
            return;
        }

        if (!phrases.TryGetValue(key, out var stats))
        {
            stats = new PhraseStats();
            phrases[key] = stats;
        }

        stats.Add(surface, inTitle, sentenceInitial);
    }

    private sealed class PhraseStats
    {
        private readonly Dictionary<string, int> _surfaces = new(StringComparer.Ordinal);
        private string? _initialSurface;

        public int Count { get; private set; }
        public bool InTitle { get; private set; }

        /// <summary>
        /// The most frequent spelling inside sentences; a phrase only ever seen at the start of a sentence
        /// (or in the title-case title) keeps that spelling.
        /// </summary>
        public string Display
        {
            get
            {
                if (_surfaces.Count > 0)
                {
                    return _surfaces.OrderByDescending(s => s.Value).ThenBy(s => s.Key, StringComparer.Ordinal).First().Key;
                }

                return _initialSurface ?? string.Empty;
            }
        }

        public void Add(string surface, bool inTitle, bool sentenceInitial)
        {
            if (inTitle)
            {
                InTitle = true;
                _initialSurface ??= surface;
                return;
            }

            Count++;
            if (sentenceInitial)
            {
                _initialSurface = surface;
            }
            else
            {
                _surfaces[surface] = _surfaces.GetValueOrDefault(surface) + 1;
            }
        }
    }
}
