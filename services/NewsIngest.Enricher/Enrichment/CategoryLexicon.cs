using System.Collections.Frozen;
using System.Globalization;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Cue words for the IPTC Media Topics top-level categories, in English, French, German, Spanish,
/// Italian and Portuguese, read from the embedded <c>Data/category-cues.txt</c> (one <c>[code]</c> section each). An entry ending in <c>*</c> matches any word it begins; <c>:W</c> sets a weight
/// (1 by default) for words that also belong elsewhere; <c>a_b_c</c> is the phrase "a b c" (any number of words, matched
/// word by word through <see cref="PhraseStart"/> and <see cref="Phrase"/>).
/// </summary>
public sealed class CategoryLexicon
{
    public const int MinPrefix = 4;

    private static readonly (string Code, string Words)[] Source = EmbeddedData.ReadSections("category-cues.txt")
        .Select(s => (s.Key, string.Join('\n', s.Value)))
        .ToArray();

    private static readonly FrozenDictionary<string, (string Code, double Weight)[]> Sections = EmbeddedData.ReadSections("url-sections.txt")["sections"]
        .Select(l => l.Split(':', 2))
        .SelectMany(p => p[1].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (Word: w, Code: p[0].Trim())))
        .GroupBy(p => p.Word, StringComparer.Ordinal)
        .ToFrozenDictionary(g => g.Key, g => g.Select(p => (p.Code, 1.0)).ToArray(), StringComparer.Ordinal);

    private readonly FrozenDictionary<string, (string Code, double Weight)[]> _exact;
    private readonly FrozenDictionary<string, (string Code, double Weight)[]> _prefixes;

    /// <summary>Every leading part of a phrase cue ("cours", "cours du" for "cours du soir"), the phrase itself excluded.</summary>
    private readonly FrozenSet<string> _phraseStarts;

    private CategoryLexicon(FrozenDictionary<string, (string, double)[]> exact, FrozenDictionary<string, (string, double)[]> prefixes, FrozenSet<string> phraseStarts)
    {
        _exact = exact;
        _prefixes = prefixes;
        _phraseStarts = phraseStarts;
    }

    public static IReadOnlyList<string> Codes { get; } = Source.Select(s => s.Code).ToList();

    public static CategoryLexicon Create()
    {
        var exact = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        var prefixes = new Dictionary<string, List<(string, double)>>(StringComparer.Ordinal);
        var phraseStarts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (code, words) in Source)
        {
            var entries = words.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries);
            foreach (var entry in entries)
            {
                var word = Word(entry).Replace('_', ' ');
                Add(word.EndsWith('*') ? prefixes : exact, word.TrimEnd('*'), code, Weight(entry));
                for (var space = word.IndexOf(' ', StringComparison.Ordinal); space > 0; space = word.IndexOf(' ', space + 1))
                {
                    phraseStarts.Add(word[..space]);
                }
            }
        }

        return new CategoryLexicon(
            exact.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            prefixes.ToFrozenDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal),
            phraseStarts.ToFrozenSet(StringComparer.Ordinal));
    }

    /// <summary>The category a section word of a URL path points to ("tennis" → sport), if any.</summary>
    public IEnumerable<(string Code, double Weight)> Section(string word) =>
        Sections.TryGetValue(word, out var codes) ? codes : [];

    /// <summary>Whether some phrase cue begins with these lower-case words (one word, or words joined by one space).</summary>
    public bool PhraseStart(string words) => _phraseStarts.Contains(words);

    /// <summary>The categories a lower-case phrase of two or more words, joined by single spaces, points to.</summary>
    public IEnumerable<(string Code, double Weight)> Phrase(string words) =>
        _exact.TryGetValue(words, out var found) ? found : [];

    /// <summary>The categories a lower-case word (or phrase) points to.</summary>
    public IEnumerable<(string Code, double Weight)> Match(string word)
    {
        if (_exact.TryGetValue(word, out var exact))
        {
            return exact;
        }

        if (word.Contains(' ', StringComparison.Ordinal))
        {
            return [];
        }

        for (var length = word.Length; length >= MinPrefix; length--)
        {
            if (_prefixes.TryGetValue(word[..length], out var found))
            {
                return found;
            }
        }

        return [];
    }

    private static string Word(string entry) => entry.Split(':')[0];

    private static double Weight(string entry) =>
        entry.Split(':') is [_, var w] ? double.Parse(w, CultureInfo.InvariantCulture) : 1.0;

    private static void Add(Dictionary<string, List<(string, double)>> map, string key, string code, double weight)
    {
        if (!map.TryGetValue(key, out var list))
        {
            list = [];
            map[key] = list;
        }

        if (!list.Exists(e => e.Item1 == code))
        {
            list.Add((code, weight));
        }
    }
}
