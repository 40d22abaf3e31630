namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// GDELT-style tone: the share of positive words minus the share of negative words, in percent of all
/// words, from -10 to +10. Word polarity from the language's sentiment lexicon; a negator just before a
/// word ("not good") flips it; headline words count twice; words of names ("Star Wars", "Black Death") carry no tone. An article whose
/// top topic is conflict, crime or disaster leans negative by up to <see cref="TopicLean"/>. No lexicon for
/// the language: no tone.
/// </summary>
public sealed class ToneStep(SentimentLexicon lexicon) : IEnrichmentStep
{
    public const double Limit = 10;

    /// <summary>How far a conflict, crime or disaster topic moves the tone (times the topic's share).</summary>
    public const double TopicLean = 1.0;

    /// <summary>How much a polar word of the headline counts against one of the body.</summary>
    public const double TitleWeight = 2.0;

    private static readonly HashSet<string> NegativeTopics = new(StringComparer.Ordinal)
    {
        "conflict-war-peace", "crime-law-justice", "disaster-accident-emergency",
    };

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
        int total = 0;
        double positive = 0, negative = 0;
        var headline = true;
        foreach (var text in context.Text.Paragraphs.Prepend(context.Text.Title))
        {
            // The headline states the story's turn ("sales miss, shares plunge"): its words count twice.
            var weight = headline ? TitleWeight : 1;
            headline = false;
            string? previous = null, beforePrevious = null;
            foreach (var token in Words.Of(text))
            {
                total++;
                var word = token.ToLowerInvariant();
                if (char.IsUpper(token[0]) && context.Text.NameWords.Contains(word))
                {
                    beforePrevious = previous;
                    previous = word;
                    continue;
                }

                if (words.TryGetValue(word, out var valence))
                {
                    var negated = (previous is not null && Negators.Contains(previous)) || (beforePrevious is not null && Negators.Contains(beforePrevious));
                    if ((valence > 0) != negated)
                    {
                        positive += weight;
                    }
                    else
                    {
                        negative += weight;
                    }
                }

                beforePrevious = previous;
                previous = word;
            }
        }

        var lean = context.Categories.Count > 0 && NegativeTopics.Contains(context.Categories[0].Code) ? -TopicLean * context.Categories[0].Score : 0;
        context.Tone = total == 0 ? 0 : Math.Round(Math.Clamp((100.0 * (positive - negative) / total) + lean, -Limit, Limit), 2);
    }
}
