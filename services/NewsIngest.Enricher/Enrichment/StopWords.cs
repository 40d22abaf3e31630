using System.Collections.Frozen;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>Stop words per ISO 639-1 language (from the stopwords-iso package).</summary>
public sealed class StopWords
{
    private readonly FrozenDictionary<string, FrozenSet<string>> _byLanguage;
    private readonly FrozenSet<string> _fallback;

    private StopWords(FrozenDictionary<string, FrozenSet<string>> byLanguage)
    {
        _byLanguage = byLanguage;
        _fallback = byLanguage.TryGetValue("en", out var en) ? en : FrozenSet<string>.Empty;
    }

    public static StopWords Load() => new(EmbeddedData.ReadRows("stopwords.tsv.gz")
        .ToFrozenDictionary(
            row => row[0],
            row => row[1].Split(' ').ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            StringComparer.OrdinalIgnoreCase));

    /// <summary>The list for <paramref name="language"/>; English when the language has none or is undetermined.</summary>
    public FrozenSet<string> For(string language)
    {
        var code = language == "nb" || language == "nn" ? "no" : language;
        return _byLanguage.TryGetValue(code, out var set) ? set : _fallback;
    }
}
