namespace NewsIngest.Enricher.Enrichment;

/// <summary>Detects the article's language (ISO 639-1) over a fixed set of news languages (<see cref="TrigramLanguageDetector"/>).</summary>
public sealed class LanguageStep(TrigramLanguageDetector detector) : IEnrichmentStep
{
    public const string Undetermined = "und";

    /// <summary>Fewer letters than this gives <c>und</c>: too little text to tell.</summary>
    public const int MinimumLetters = 12;

    /// <summary>
    /// Detection first looks at this much of the title and body start, which is enough for most news: every article
    /// of the hard and labelled sets (126 in 12 languages) is told right from it.
    /// </summary>
    public const int SampleLength = 250;

    /// <summary>When the first look is unsure (below <see cref="SureConfidence"/>), it looks at this much.</summary>
    public const int LongSampleLength = 1500;

    public const double SureConfidence = 0.9;

    public string Name => "Language";

    public void Apply(EnrichmentContext context)
    {
        var sample = Sample(context.Text, SampleLength);
        if (Letters(sample) < MinimumLetters)
        {
            context.Language = Undetermined;
            context.LanguageConfidence = 0;
            return;
        }

        var found = detector.Detect(sample);
        if (found is not { Confidence: >= SureConfidence } && context.Text.Full.Length > SampleLength)
        {
            found = detector.Detect(Sample(context.Text, LongSampleLength));
        }

        if (found is not { } language)
        {
            context.Language = context.Article.LanguageHint is { Length: 2 } hint ? hint.ToLowerInvariant() : Undetermined;
            context.LanguageConfidence = 0;
            return;
        }

        context.Language = language.Code;
        context.LanguageConfidence = Math.Round(language.Confidence, 3);
    }

    private static ReadOnlySpan<char> Sample(ArticleText text, int length)
    {
        var full = text.Full.AsSpan();
        return full.Length <= length ? full : full[..length];
    }

    private static int Letters(ReadOnlySpan<char> text)
    {
        var count = 0;
        foreach (var c in text)
        {
            count += char.IsLetter(c) ? 1 : 0;
        }

        return count;
    }
}
