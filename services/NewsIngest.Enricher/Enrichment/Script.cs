namespace NewsIngest.Enricher.Enrichment;

/// <summary>The writing systems <see cref="TrigramLanguageDetector"/> tells apart.</summary>
public enum Script
{
    Other,
    Latin,
    Greek,
    Cyrillic,
    Hebrew,
    Arabic,
    Devanagari,
    Bengali,
    Thai,
    Hangul,
    Kana,
    Han,
}
