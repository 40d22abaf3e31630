namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// GDELT-style tone: the share of positive words minus the share of negative words, in percent of all
/// words, from -10 to +10. Word polarity from the language's sentiment lexicon; a negator just before a
/// word ("not good") flips it. No lexicon for the language: no tone.
/// </summary>
public sealed class ToneStep(SentimentLexicon lexicon) : IEnrichmentStep
{
    public const double Limit = 10;

    private static readonly HashSet<string> Negators = new(StringComparer.OrdinalIgnoreCase)
    {
        "not", "no", "never", "without", "nor", "don't", "didn't", "doesn't", "isn't", "wasn't", "aren't", "weren't",
        "won't", "can't", "cannot", "pas", "jamais", "sans", "nicht", "kein", "keine", "keinen", "nie", "ohne", "nunca",
        "sin", "non", "mai", "senza", "não", "nem", "sem",
    };

    public string Name => "Tone";

    public void Apply(EnrichmentContext context)
    {
        var language = context.Language == LanguageStep.Undetermined ? "en" : context.Language;
        if (!lexicon.Has(language))
        {
            context.Tone = null;
            return;
        }

        var words = lexicon.For(language);
        int total = 0, positive = 0, negative = 0;
        foreach (var text in context.Text.Paragraphs.Prepend(context.Text.Title))
        {
            string? previous = null, beforePrevious = null;
            foreach (var token in Words.Of(text))
            {
                total++;
                var word = token.ToLowerInvariant();
                if (words.TryGetValue(word, out var valence))
                {
                    var negated = (previous is not null && Negators.Contains(previous)) || (beforePrevious is not null && Negators.Contains(beforePrevious));
                    if ((valence > 0) != negated)
                    {
                        positive++;
                    }
                    else
                    {
                        negative++;
                    }
                }

                beforePrevious = previous;
                previous = word;
            }
        }

        context.Tone = total == 0 ? 0 : Math.Round(Math.Clamp(100.0 * (positive - negative) / total, -Limit, Limit), 2);
    }
}
