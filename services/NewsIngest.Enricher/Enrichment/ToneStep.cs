using System.Buffers;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// GDELT-style tone from -10 to +10: the valence of the article's polar words in percent of all its words, a word
/// of valence ±2 (AFINN's moderate strength) counting as one. Valence from the language's sentiment lexicon (AFINN-165
/// and its translations, with our corrections for the news sense of words: <c>Data/news-tone.txt</c>). A negator
/// ("not", "no", "never", "n't") flips the next three words within its clause; in a sentence with "but" ("however",
/// "yet") the words before the last one count half and those after it one and a half (the turn states the point);
/// headline words count twice, and the body's paragraphs less the further they stand from the lede (news puts the
/// story first and background later: the k-th paragraph after the lede counts 1 / (1 + k/2)); words of names ("Star Wars", "Black Death") carry no tone. An article whose top topic
/// is conflict, crime or disaster leans negative by up to <see cref="TopicLean"/>. No lexicon for the language: no tone.
/// </summary>
public sealed class ToneStep(SentimentLexicon lexicon) : IEnrichmentStep
{
    public const double Limit = 10;

    /// <summary>How far a conflict, crime or disaster topic moves the tone (times the topic's share).</summary>
    public const double TopicLean = 1.0;

    /// <summary>How much a polar word of the headline counts against one of the body.</summary>
    public const double TitleWeight = 2.0;

    /// <summary>How fast the paragraphs after the lede count less: paragraph k (the lede is 0) weighs 1 / (1 + k × this).</summary>
    public const double ParagraphDecay = 0.5;

    /// <summary>The valence that counts as one polar word (AFINN's moderate strength).</summary>
    public const double UnitValence = 2.0;

    /// <summary>How many words after a negator it flips (within the clause).</summary>
    public const int NegationScope = 3;

    /// <summary>Weights of the words before and after the last contrast word of a sentence.</summary>
    public const double BeforeContrast = 0.5, AfterContrast = 1.5;

    private static readonly HashSet<string> NegativeTopics = new(StringComparer.Ordinal)
    {
        "conflict-war-peace", "crime-law-justice", "disaster-accident-emergency",
    };

    private static readonly HashSet<string> Negators = new(StringComparer.Ordinal)
    {
        "not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "nowhere", "hardly", "cannot",
        "pas", "jamais", "sans", "ni", "rien", "personne", "nicht", "kein", "keine", "keinen", "keiner", "nie", "ohne",
        "nunca", "sin", "nada", "nadie", "ningún", "ninguna", "non", "mai", "senza", "nessuno", "não", "nem", "sem", "nenhum",
    };

    private static readonly HashSet<string> Contrasts = new(StringComparer.Ordinal)
    {
        "but", "however", "yet", "mais", "pourtant", "aber", "doch", "jedoch", "pero", "sino", "ma", "però", "mas", "porém",
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
        var nameWords = context.Text.NameWords;
        var tally = new Tally();
        tally.Add(context.Text.Title, context.Text.WordsOf(context.Text.Title), TitleWeight, words, nameWords);
        for (var p = 0; p < context.Text.Paragraphs.Count; p++)
        {
            var paragraph = context.Text.Paragraphs[p];
            tally.Add(paragraph, context.Text.WordsOf(paragraph), 1 / (1 + (ParagraphDecay * p)), words, nameWords);
        }

        var lean = context.Categories.Count > 0 && NegativeTopics.Contains(context.Categories[0].Code) ? -TopicLean * context.Categories[0].Score : 0;
        context.Tone = tally.Words == 0 ? 0 : Math.Round(Math.Clamp((100.0 * tally.Score / UnitValence / tally.Words) + lean, -Limit, Limit), 2);
    }

    private static bool IsNegator(string word) =>
        Negators.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal) || word.EndsWith("n’t", StringComparison.Ordinal);

    /// <summary>Valence summed sentence by sentence, and the number of words seen.</summary>
    private sealed class Tally
    {
        private static readonly SearchValues<char> SentenceEnds = SearchValues.Create(".!?");
        private static readonly SearchValues<char> ClauseBreaks = SearchValues.Create(".,;:!?—–()\"“”");

        public double Score { get; private set; }
        public int Words { get; private set; }

        public void Add(string text, IReadOnlyList<WordToken> tokens, double weight, IReadOnlyDictionary<string, int> valences, IReadOnlySet<string> nameWords)
        {
            double before = 0, after = 0;
            var contrast = false;
            var negation = 0;
            var end = 0;
            foreach (var match in tokens)
            {
                var gap = text.AsSpan(end, match.Index - end);
                end = match.End;
                if (gap.IndexOfAny(SentenceEnds) >= 0)
                {
                    Score += Sentence(before, after, contrast);
                    (before, after, contrast) = (0, 0, false);
                }

                if (gap.IndexOfAny(ClauseBreaks) >= 0)
                {
                    negation = 0;
                }

                Words++;
                var token = match.Value;
                var word = match.Lower;
                if (Contrasts.Contains(word))
                {
                    (before, after, contrast) = (before + after, 0, true);
                }
                else if (!(char.IsUpper(token[0]) && nameWords.Contains(word)) && valences.TryGetValue(word, out var valence))
                {
                    after += weight * (negation > 0 ? -valence : valence);
                }

                negation = IsNegator(word) ? NegationScope : Math.Max(0, negation - 1);
            }

            Score += Sentence(before, after, contrast);
        }

        private static double Sentence(double before, double after, bool contrast) =>
            contrast ? (BeforeContrast * before) + (AfterContrast * after) : before + after;
    }
}
