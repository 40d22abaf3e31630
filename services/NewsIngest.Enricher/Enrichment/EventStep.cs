using System.Text.RegularExpressions;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Counts of people killed, injured, arrested, kidnapped or displaced, as stated in a sentence ("killed
/// over 120 people", "13 lives were lost", "took four lives"), with the sentence's most specific place and
/// its year when it names them.
/// </summary>
public sealed partial class EventStep : IEnrichmentStep
{
    public const int MaxCount = 10_000_000;

    private static readonly (string Kind, Regex Pattern)[] Patterns = Build();

    public string Name => "Events";

    public void Apply(EnrichmentContext context)
    {
        var events = new List<EventCount>();
        var seen = new HashSet<(string, long, int)>();
        foreach (var sentence in context.Text.Sentences)
        {
            if (!Trigger().IsMatch(sentence.Text))
            {
                continue;
            }

            foreach (var (kind, pattern) in Patterns)
            {
                foreach (Match m in pattern.Matches(sentence.Text))
                {
                    var number = m.Groups["n"];
                    if (NumberWords.Parse(number.Value) is not { } count || count <= 0 || count > MaxCount || LooksLikeYear(number.Value, count))
                    {
                        continue;
                    }

                    if (!seen.Add((kind, count, sentence.Index)))
                    {
                        continue;
                    }

                    events.Add(new EventCount
                    {
                        Kind = kind,
                        Count = (int)count,
                        Location = PlaceIn(context, sentence, number.Index),
                        Year = YearIn(sentence.Text, number.Index),
                        Sentence = sentence.Text,
                    });
                }
            }
        }

        context.Events = events;
    }

    private static bool LooksLikeYear(string number, long count) =>
        count is >= 1900 and <= 2100 && number.Trim().Length == 4;

    /// <summary>The place named in the sentence: a city or region over a country, the nearest to the count.</summary>
    private static string? PlaceIn(EnrichmentContext context, Sentence sentence, int position) => context.Mentions
        .Where(m => m.Sentence == sentence.Index && m.Type == EntityTypes.Location)
        .OrderBy(m => m.IsCountry ? 1 : 0)
        .ThenBy(m => Math.Abs(m.Start - position))
        .Select(m => m.Name)
        .FirstOrDefault();

    private static int? YearIn(string sentence, int numberIndex)
    {
        foreach (Match m in Year().Matches(sentence))
        {
            if (m.Index != numberIndex)
            {
                return int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return null;
    }

    private static (string, Regex)[] Build()
    {
        const string n = "(?<n>" + NumberWords.Pattern + ")";
        const string q = @"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|roughly|approximately|an\s+estimated|a\s+further|another)\s+)?";
        // Up to six words between the count and the verb, but not across "and"/"but" into another clause.
        const string gap = @"(?:(?!(?:and|but|or|while|whereas|left|leaving|lives)\b)[\p{L}'’\-]+,?\s+){0,6}?";
        const string be = @"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|got)\s+)?";
        const string notUnit = @"(?!\s*(?:years?|year-old|%|per\s*cent|percent|km|kilomet|miles?|metres?|meters?|hours?|days?|weeks?|months?|minutes?|times)\b)";
        // Interpreted, not compiled: only sentences that pass the trigger reach these, and compiling
        // seventeen patterns would cost start-up time.
        var options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
        (string Kind, string Pattern)[] source =
        [
            ("killed", $@"\b(?:killed|killing|kills|kill|slew|slaying|massacred|claimed\s+the\s+lives\s+of)\s+{q}{n}{notUnit}"),
            ("killed", $@"\b{q}{n}{notUnit}\s+{gap}{be}(?:killed|dead|died|slain|murdered|perished)\b"),
            ("killed", $@"\b{q}{n}\s+(?:lives|people)\s+{be}(?:lost|claimed)\b"),
            ("killed", $@"\b(?:took|take|taken|taking|takes|claimed|claim|claiming|claims|cost|costing|costs)\s+(?:the\s+)?{q}{n}\s+(?:\w+\s+)?lives\b"),
            ("killed", $@"\bdeath\s+toll\s+(?:[\p{{L}}]+\s+){{0,4}}?(?:to|at|of|reached|hit|stands\s+at)\s+{q}{n}"),
            ("killed", $@"\b{q}{n}{notUnit}\s+(?:[\p{{L}}]+\s+){{0,2}}?(?:deaths|fatalities|bodies|dead)\b"),
            ("injured", $@"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt)\s+{q}{n}{notUnit}"),
            ("injured", $@"\b{q}{n}{notUnit}\s+{gap}{be}(?:injured|wounded|hurt|hospitali[sz]ed)\b"),
            ("arrested", $@"\b(?:arrested|arresting|detained|detaining|apprehended|rounded\s+up)\s+{q}{n}{notUnit}"),
            ("arrested", $@"\b{q}{n}{notUnit}\s+{gap}{be}(?:arrested|detained|apprehended|taken\s+into\s+custody)\b"),
            ("kidnapped", $@"\b(?:kidnapped|kidnapping|abducted|abducting|seized)\s+{q}{n}{notUnit}"),
            ("kidnapped", $@"\b{q}{n}{notUnit}\s+{gap}{be}(?:kidnapped|abducted|taken\s+hostage|held\s+hostage|held\s+captive)\b"),
            ("displaced", $@"\b(?:displaced|displacing|uprooted|uprooting)\s+{q}{n}{notUnit}"),
            ("displaced", $@"\b{q}{n}{notUnit}\s+{gap}{be}(?:displaced|forced\s+to\s+flee|forced\s+from\s+their\s+homes|made\s+homeless|left\s+homeless|uprooted|evacuated)\b"),
            ("killed", $@"\b{n}\s+(?:personnes\s+|Menschen\s+|personas\s+|persone\s+|pessoas\s+)?(?:morts|tués|tuées|Tote|getötet|muertos|muertas|fallecidos|morti|uccisi|mortos|mortas)\b"),
            ("injured", $@"\b{n}\s+(?:personnes\s+|Menschen\s+|personas\s+|persone\s+|pessoas\s+)?(?:blessés|blessées|Verletzte|verletzt|heridos|heridas|feriti|feridos|feridas)\b"),
            ("arrested", $@"\b{n}\s+(?:personnes\s+|Menschen\s+|personas\s+|persone\s+|pessoas\s+)?(?:arrêtés|interpellés|festgenommen|detenidos|arrestati|presos|detidos)\b"),
        ];
        return source.Select(s => (s.Kind, new Regex(s.Pattern, options))).ToArray();
    }

    /// <summary>A cheap first look: only sentences with one of these word stems can hold a count.</summary>
    [GeneratedRegex(@"\b(?:kill|dead|died|dies|slain|slew|murder|massacre|perish|lives\b|toll\b|deaths|fatalit|bodies|injur|wound|hurt|hospitali|arrest|detain|apprehend|custody|rounded\s+up|kidnap|abduct|seiz|hostage|captive|displac|uproot|flee|fled|homeless|evacuat|mort|tué|tote\b|getötet|muert|fallec|uccis|blessé|verletz|herid|ferit|ferid|interpell|festgenommen|detenid|presos|detid)", RegexOptions.IgnoreCase)]
    private static partial Regex Trigger();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();
}
