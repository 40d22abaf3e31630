using Lingua;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// The languages the detector knows: the major languages of world news. Keeping the set small keeps
/// Lingua's memory and start-up low and avoids confusions with rare close relatives.
/// </summary>
public static class NewsLanguages
{
    public static readonly Language[] All =
    [
        Language.English, Language.French, Language.German, Language.Spanish, Language.Italian,
        Language.Portuguese, Language.Dutch, Language.Swedish, Language.Danish, Language.Bokmal,
        Language.Finnish, Language.Polish, Language.Czech, Language.Hungarian, Language.Romanian,
        Language.Russian, Language.Ukrainian, Language.Greek, Language.Turkish, Language.Arabic,
        Language.Persian, Language.Urdu, Language.Hebrew, Language.Hindi, Language.Chinese,
        Language.Japanese, Language.Korean, Language.Indonesian, Language.Vietnamese, Language.Catalan,
        Language.Slovak, Language.Croatian, Language.Bulgarian, Language.Bengali, Language.Thai,
    ];

    public static LanguageDetector BuildDetector() => LanguageDetectorBuilder
        .FromLanguages(All)
        .WithLowAccuracyMode()
        .WithPreloadedLanguageModels()
        .Build();
}
