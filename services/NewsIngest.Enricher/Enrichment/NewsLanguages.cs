namespace NewsIngest.Enricher.Enrichment;

/// <summary>A language the enricher tells: its ISO 639-1 code and the script it is written in.</summary>
public sealed record NewsLanguage(string Code, Script Script);

/// <summary>
/// The languages the detector knows: the major languages of world news. Keeping the set small keeps
/// the models' memory and start-up low and avoids confusions with rare close relatives.
/// </summary>
public static class NewsLanguages
{
    public static readonly NewsLanguage[] All =
    [
        .. Latin("en", "fr", "de", "es", "it", "pt", "nl", "sv", "da", "nb", "fi", "pl", "cs", "hu", "ro", "tr", "id", "vi", "ca", "sk", "hr"),
        new("ru", Script.Cyrillic), new("uk", Script.Cyrillic), new("bg", Script.Cyrillic),
        new("ar", Script.Arabic), new("fa", Script.Arabic), new("ur", Script.Arabic),
        new("el", Script.Greek), new("he", Script.Hebrew), new("hi", Script.Devanagari), new("bn", Script.Bengali),
        new("th", Script.Thai), new("ko", Script.Hangul), new("ja", Script.Kana), new("zh", Script.Han),
    ];

    private static IEnumerable<NewsLanguage> Latin(params string[] codes) => codes.Select(c => new NewsLanguage(c, Script.Latin));
}
