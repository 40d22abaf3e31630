using System.Text.RegularExpressions;
using NewsIngest.Contracts;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Counts of people killed, injured, arrested, kidnapped, displaced or missing, as stated in a sentence ("killed
/// over 120 people", "13 lives were lost", "took four lives", "between 10 and 15 were hurt", "killing 19,
/// including 17 foreigners"), with the sentence's most specific place and its year when it names them.
/// </summary>
public sealed partial class EventStep : IEnrichmentStep
{
    public const int MaxCount = 100_000_000;

    private static readonly (string Kind, Regex Pattern, bool Foreign)[] Patterns = Build();

    /// <summary>The kinds in the order <see cref="KindIndex"/> numbers them (each kind's trigger is looked for once a sentence).</summary>
    private static readonly string[] Kinds = ["killed", "injured", "arrested", "kidnapped", "missing", "displaced"];

    public string Name => "Events";

    public void Apply(EnrichmentContext context)
    {
        var events = new List<EventCount>();
        var seen = new HashSet<(string, long, int)>();

        // The patterns of the other languages (their number words and phrases) run only on an article in one of
        // them; the English ones run on every article, as before.
        var foreignLanguage = NumberWords.ForeignLanguages.Contains(context.Language);
        Span<sbyte> triggered = stackalloc sbyte[Kinds.Length];
        foreach (var sentence in context.Text.Sentences)
        {
            if (!Trigger().IsMatch(sentence.Text))
            {
                continue;
            }

            triggered.Clear();
            bool? englishNumber = null;
            foreach (var (kind, pattern, foreign) in Patterns)
            {
                if (foreign ? !foreignLanguage : !(englishNumber ??= EnglishNumber().IsMatch(sentence.Text)))
                {
                    continue;
                }

                // Unknown (0), found (1) or not (-1): each kind's trigger is looked for once a sentence.
                var k = KindIndex(kind);
                if (triggered[k] == 0)
                {
                    triggered[k] = (sbyte)(KindTrigger(kind).IsMatch(sentence.Text) ? 1 : -1);
                }

                if (triggered[k] < 0)
                {
                    continue;
                }

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

    /// <summary>
    /// The place named in the sentence: a city or region over a country, the nearest to the count. A dateline
    /// ("CAIRO —") says where the reporter is, not where it happened.
    /// A semicolon parts clauses that may each name their own place ("In Chile, … three farmers died; in Argentina, …"):
    /// a place in the count's own clause comes first.
    /// </summary>
    private static string? PlaceIn(EnrichmentContext context, Sentence sentence, int position)
    {
        var text = sentence.Text;
        var from = position > 0 ? text.LastIndexOf(';', position - 1) + 1 : 0;
        var to = text.IndexOf(';', position);
        to = to < 0 ? text.Length : to;
        return context.Mentions
            .Where(m => m.Sentence == sentence.Index && m.Type == EntityTypes.Location && !m.IsDateline)
            .OrderBy(m => m.Start >= from && m.Start < to ? 0 : 1)
            .ThenBy(m => m.IsCountry ? 1 : 0)
            .ThenBy(m => Math.Abs(m.Start - position))
            .Select(m => m.Name)
            .FirstOrDefault();
    }

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

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // A range counts its lower bound ("10 to 15", "between 10 and 15").
    private const string N = @"(?:between\s+)?(?<n>" + NumberWords.Pattern + @")(?:\s*(?:-|–|to|or|and)\s*" + NumberWords.Pattern + ")?";
    private const string Q = @"(?:(?:at\s+least|more\s+than|over|nearly|almost|about|around|some|up\s+to|as\s+many\s+as|roughly|approximately|an\s+estimated|a\s+further|another|a\s+total\s+of)\s+)?";
    // Up to six words between the count and the verb, but not across "and"/"but" into another clause.
    private const string Gap = @"(?:(?!(?:and|but|or|while|whereas|left|leaving|lives)\b)[\p{L}'’\-]+,?\s+){0,6}?";
    private const string Be = @"(?:(?:were|was|have\s+been|has\s+been|had\s+been|are|is|being|got)\s+)?";
    private const string NotUnit = @"(?!\s*(?:years?|year-old|%|per\s*cent|percent|km|kilomet|miles?|metres?|meters?|hours?|days?|weeks?|months?|minutes?|times)\b)";

    // The same in the other languages read: their number words, range words and "at least" words.
    private const string NF = @"(?:entre\s+|zwischen\s+|tra\s+)?(?<n>" + NumberWords.ForeignPattern + @")(?:\s*(?:-|–|a|à|y|et|und|bis|e|o|ou|oder)\s*" + NumberWords.ForeignPattern + ")?";
    private const string QF = @"(?:(?:al\s+menos|por\s+lo\s+menos|más\s+de|unos|unas|cerca\s+de|casi|alrededor\s+de|au\s+moins|plus\s+de|près\s+de|environ|quelque|mindestens|mehr\s+als|fast|rund|etwa|knapp|almeno|più\s+di|circa|quasi|oltre|pelo\s+menos|mais\s+de|quase|cerca\s+de)\s+)?";
    private const string PeopleF = @"(?:personas\s+|personnes\s+|Menschen\s+|Personen\s+|persone\s+|pessoas\s+)?";

    // Source-generated, so start-up pays no regex compilation.
    private static (string, Regex, bool)[] Build() =>
    [
        ("killed", Killed1(), false),
        ("killed", Killed2(), false),
        ("killed", Killed3(), false),
        ("killed", Killed4(), false),
        ("killed", Killed5(), false),
        ("killed", Killed6(), false),
        ("injured", Injured7(), false),
        ("injured", Injured8(), false),
        ("arrested", Arrested9(), false),
        ("arrested", Arrested10(), false),
        ("kidnapped", Kidnapped11(), false),
        ("kidnapped", Kidnapped12(), false),
        ("displaced", Displaced13(), false),
        ("displaced", Displaced14(), false),
        ("killed", Killed15(), true),
        ("injured", Injured16(), true),
        ("arrested", Arrested17(), true),
        ("killed", KilledIncluding18(), false),
        ("missing", Missing19(), false),
        ("missing", Missing20(), false),
        ("killed", KilledForeign21(), true),
        ("killed", KilledForeign22(), true),
        ("killed", KilledForeign23(), true),
        ("killed", KilledForeign24(), true),
    ];

    // "la muerte de tres agricultores", "la mort de deux enfants", "der Tod von drei Menschen", "a morte de duas pessoas".
    [GeneratedRegex($@"\b(?:muerte|muertes|asesinato|asesinatos|mort|décès|meurtre|Tod|Tötung|morte|assassinio|assassinato)\s+(?:de|di|von|des|d')\s*{QF}{NF}", Options)]
    private static partial Regex KilledForeign21();

    // "mataron a tres", "ont tué deux", "töteten drei", "hanno ucciso quattro", "matou cinco".
    [GeneratedRegex($@"\b(?:mató|mataron|matando|asesinó|asesinaron|tué|tuant|tuent|tuer|uccidendo|uccise|ucciso|matou|mataram|tötete|töteten|tötet)\s+(?:a\s+)?{QF}{NF}", Options)]
    private static partial Regex KilledForeign22();

    // Verb first: "murieron tres personas", "sont morts deux soldats", "starben drei Menschen", "morreram cinco".
    [GeneratedRegex($@"\b(?:murieron|fallecieron|perdieron\s+la\s+vida|sont\s+morts|sont\s+mortes|ont\s+péri|ont\s+été\s+tués|ont\s+été\s+tuées|starben|morirono|sono\s+morti|sono\s+morte|morreram|faleceram)\s+{QF}{NF}", Options)]
    private static partial Regex KilledForeign23();

    // Count first: "tres personas murieron", "deux personnes ont été tuées", "drei Menschen starben".
    [GeneratedRegex($@"\b{QF}{NF}\s+{PeopleF}(?:murieron|fallecieron|perdieron\s+la\s+vida|sont\s+morts|sont\s+mortes|ont\s+péri|ont\s+été\s+tués|ont\s+été\s+tuées|starben|kamen\s+ums\s+Leben|morirono|sono\s+morti|sono\s+morte|morreram|faleceram)\b", Options)]
    private static partial Regex KilledForeign24();

    // "killing at least 19 people, including 17 foreigners": the part named after the total is a count too.
    [GeneratedRegex($@"\b(?:killed|killing|kills|kill)\s+{Q}(?:{NumberWords.Pattern})\s+(?:people|persons|civilians)?,?\s+including\s+{N}", Options)]
    private static partial Regex KilledIncluding18();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+{Gap}{Be}(?:missing|unaccounted\s+for|disappeared)\b", Options)]
    private static partial Regex Missing19();

    [GeneratedRegex($@"\b(?:left|leaving|remain|remained|remaining|still)\s+{Q}{N}\s+(?:\w+\s+)?missing\b", Options)]
    private static partial Regex Missing20();

    [GeneratedRegex($@"\b(?:killed|killing|kills|kill|slew|slaying|massacred|claimed\s+the\s+lives\s+of)\s+{Q}{N}{NotUnit}", Options)]
    private static partial Regex Killed1();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+{Gap}{Be}(?:killed|dead|died|die|dies|slain|murdered|perished)\b", Options)]
    private static partial Regex Killed2();

    [GeneratedRegex($@"\b{Q}{N}\s+(?:lives|people)\s+{Be}(?:lost|claimed)\b", Options)]
    private static partial Regex Killed3();

    [GeneratedRegex($@"\b(?:took|take|taken|taking|takes|claimed|claim|claiming|claims|cost|costing|costs)\s+(?:the\s+)?{Q}{N}\s+(?:\w+\s+)?lives\b", Options)]
    private static partial Regex Killed4();

    [GeneratedRegex($@"\bdeath\s+toll\s+(?:[\p{{L}}]+\s+){{0,4}}?(?:to|at|of|reached|hit|stands\s+at)\s+{Q}{N}", Options)]
    private static partial Regex Killed5();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+(?:[\p{{L}}]+\s+){{0,2}}?(?:deaths|fatalities|bodies|dead)\b", Options)]
    private static partial Regex Killed6();

    [GeneratedRegex($@"\b(?:injur(?:ed|ing)|wound(?:ed|ing)|hurt)\s+{Q}{N}{NotUnit}", Options)]
    private static partial Regex Injured7();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+{Gap}{Be}(?:injured|wounded|hurt|hospitali[sz]ed)\b", Options)]
    private static partial Regex Injured8();

    [GeneratedRegex($@"\b(?:arrested|arresting|detained|detaining|apprehended|rounded\s+up)\s+{Q}{N}{NotUnit}", Options)]
    private static partial Regex Arrested9();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+{Gap}{Be}(?:arrested|detained|apprehended|taken\s+into\s+custody)\b", Options)]
    private static partial Regex Arrested10();

    [GeneratedRegex($@"\b(?:kidnapped|kidnapping|abducted|abducting|seized)\s+{Q}{N}{NotUnit}", Options)]
    private static partial Regex Kidnapped11();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+{Gap}{Be}(?:kidnapped|abducted|taken\s+hostage|held\s+hostage|held\s+captive)\b", Options)]
    private static partial Regex Kidnapped12();

    [GeneratedRegex($@"\b(?:displaced|displacing|uprooted|uprooting)\s+{Q}{N}{NotUnit}", Options)]
    private static partial Regex Displaced13();

    [GeneratedRegex($@"\b{Q}{N}{NotUnit}\s+{Gap}{Be}(?:displaced|forced\s+to\s+flee|forced\s+from\s+their\s+homes|made\s+homeless|left\s+homeless|uprooted|evacuated)\b", Options)]
    private static partial Regex Displaced14();

    [GeneratedRegex($@"\b{QF}{NF}\s+(?:personnes\s+|Menschen\s+|personas\s+|persone\s+|pessoas\s+)?(?:morts|tués|tuées|Tote|getötet|muertos|muertas|fallecidos|morti|uccisi|mortos|mortas)\b", Options)]
    private static partial Regex Killed15();

    [GeneratedRegex($@"\b{QF}{NF}\s+(?:personnes\s+|Menschen\s+|personas\s+|persone\s+|pessoas\s+)?(?:blessés|blessées|Verletzte|verletzt|heridos|heridas|feriti|feridos|feridas)\b", Options)]
    private static partial Regex Injured16();

    [GeneratedRegex($@"\b{QF}{NF}\s+(?:personnes\s+|Menschen\s+|personas\s+|persone\s+|pessoas\s+)?(?:arrêtés|interpellés|festgenommen|detenidos|arrestati|presos|detidos)\b", Options)]
    private static partial Regex Arrested17();

    private static int KindIndex(string kind) => Array.IndexOf(Kinds, kind);

    private static Regex KindTrigger(string kind) => kind switch
    {
        "killed" => KilledTrigger(),
        "injured" => InjuredTrigger(),
        "arrested" => ArrestedTrigger(),
        "kidnapped" => KidnappedTrigger(),
        "missing" => MissingTrigger(),
        _ => DisplacedTrigger(),
    };

    [GeneratedRegex(@"\b(?:kill|dead|died|dies|die\b|slain|slew|murder|massacre|perish|lives\b|toll\b|deaths|fatalit|bodies|claimed\s+the|mort|tué|tote\b|getötet|muert|fallec|uccis|asesin|mató|matar|mataron|matando|matou|mataram|muri|décès|péri|tuant|tuer|tuent|ucci|morreram|faleceram|starben|Tod\b|tötet|ums\s+Leben|morirono)", RegexOptions.IgnoreCase)]
    private static partial Regex KilledTrigger();

    [GeneratedRegex(@"\b(?:injur|wound|hurt|hospitali|blessé|verletz|herid|ferit|ferid)", RegexOptions.IgnoreCase)]
    private static partial Regex InjuredTrigger();

    [GeneratedRegex(@"\b(?:arrest|detain|apprehend|custody|rounded\s+up|arrêt|interpell|festgenommen|detenid|presos|detid)", RegexOptions.IgnoreCase)]
    private static partial Regex ArrestedTrigger();

    [GeneratedRegex(@"\b(?:kidnap|abduct|seiz|hostage|captive)", RegexOptions.IgnoreCase)]
    private static partial Regex KidnappedTrigger();

    [GeneratedRegex(@"\b(?:displac|uproot|flee|fled|homeless|evacuat)", RegexOptions.IgnoreCase)]
    private static partial Regex DisplacedTrigger();

    [GeneratedRegex(@"\b(?:missing|unaccounted|disappeared|disparu|vermisst|desaparecid|dispers)", RegexOptions.IgnoreCase)]
    private static partial Regex MissingTrigger();

    /// <summary>
    /// Where an English pattern's count (<see cref="NumberWords.Pattern"/>) can stand: a digit or a number word other
    /// than "a" and "and" (alone they are no count). A sentence without one is not read by the English patterns.
    /// </summary>
    [GeneratedRegex(@"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|dozen)\b", Options)]
    private static partial Regex EnglishNumber();

    /// <summary>A cheap first look: only sentences with one of these word stems can hold a count.</summary>
    [GeneratedRegex(@"\b(?:kill|dead|died|dies|die\b|slain|slew|murder|massacre|perish|lives\b|toll\b|deaths|fatalit|bodies|injur|wound|hurt|hospitali|arrest|detain|apprehend|custody|rounded\s+up|kidnap|abduct|seiz|hostage|captive|displac|uproot|flee|fled|homeless|evacuat|missing|unaccounted|disappeared|mort|tué|tote\b|getötet|muert|fallec|uccis|blessé|verletz|herid|ferit|ferid|interpell|festgenommen|detenid|presos|detid|asesin|mató|matar|mataron|matando|matou|mataram|muri|décès|péri|tuant|tuer|tuent|ucci|morreram|faleceram|starben|Tod\b|tötet|ums\s+Leben|morirono)", RegexOptions.IgnoreCase)]
    private static partial Regex Trigger();

    [GeneratedRegex(@"\b(?:19|20)\d{2}\b")]
    private static partial Regex Year();
}
