using System.Globalization;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Word valence from -5 to +5 per language: AFINN-165 for English, its translations for others, with our
/// corrections for news (<c>Data/news-tone.txt</c>: "plunged" is negative, "shares" and "interest" neutral).
/// </summary>
public sealed class SentimentLexicon
{
    private readonly Dictionary<string, Dictionary<string, int>> _byLanguage;

    private SentimentLexicon(Dictionary<string, Dictionary<string, int>> byLanguage) => _byLanguage = byLanguage;

    public static SentimentLexicon Load()
    {
        var byLanguage = EmbeddedData.ReadRows("sentiment.tsv.gz")
            .GroupBy(r => r[0], StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.ToDictionary(r => r[1], r => int.Parse(r[2], CultureInfo.InvariantCulture), StringComparer.Ordinal),
                StringComparer.Ordinal);
        foreach (var (language, lines) in EmbeddedData.ReadSections("news-tone.txt"))
        {
            var words = byLanguage.TryGetValue(language, out var found) ? found : byLanguage[language] = new(StringComparer.Ordinal);
            foreach (var pair in lines.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
            {
                var value = int.Parse(pair[1], CultureInfo.InvariantCulture);
                if (value == 0)
                {
                    words.Remove(pair[0]);
                }
                else
                {
                    words[pair[0]] = value;
                }
            }
        }

        return new SentimentLexicon(byLanguage);
    }

    public bool Has(string language) => _byLanguage.ContainsKey(Normalize(language));

    /// <summary>The lexicon for a language, English when there is none.</summary>
    public IReadOnlyDictionary<string, int> For(string language) =>
        _byLanguage.TryGetValue(Normalize(language), out var words) ? words : _byLanguage["en"];

    private static string Normalize(string language) => language is "nb" or "nn" ? "no" : language;
}
