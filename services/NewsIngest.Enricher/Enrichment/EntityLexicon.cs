using System.Collections.Frozen;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Hand-written word lists that tell persons, organisations and places apart, read from the embedded
/// <c>Data/entity-lexicon.txt</c> (one <c>[Section]</c> per list). Names of particular organisations, places
/// and persons are in <see cref="NameBase"/>.
/// </summary>
public static class EntityLexicon
{
    private static readonly IReadOnlyDictionary<string, List<string>> Sections = EmbeddedData.ReadSections("entity-lexicon.txt");

    /// <summary>A name ending in (or holding) one of these is an organisation.</summary>
    public static readonly FrozenSet<string> OrganizationWords = Words(nameof(OrganizationWords), StringComparer.Ordinal);

    /// <summary>"X of Y" stays one name when X ends in one of these ("Bank of England").</summary>
    public static readonly FrozenSet<string> OfHeads = Words(nameof(OfHeads), StringComparer.Ordinal);

    /// <summary>Words just before a name that mark it as a person (roles, titles, kin).</summary>
    public static readonly FrozenSet<string> PersonCues = Words(nameof(PersonCues), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words that, before a capitalised title, are taken off the name ("President Joe Biden").</summary>
    public static readonly FrozenSet<string> Titles = Words(nameof(Titles), StringComparer.Ordinal);

    /// <summary>Titles that stand before a lone surname ("Pope Francis", "President Biden", "Mr Smith").</summary>
    public static readonly FrozenSet<string> Honorifics = Words(nameof(Honorifics), StringComparer.Ordinal);

    /// <summary>Last words of names of things (buildings, vehicles, events), which are not persons.</summary>
    public static readonly FrozenSet<string> ThingWords = Words(nameof(ThingWords), StringComparer.Ordinal);

    /// <summary>Lower-case particles that sit inside names ("Ali bin Sufyan", "Ursula von der Leyen").</summary>
    public static readonly FrozenSet<string> NameParticles = Words(nameof(NameParticles), StringComparer.Ordinal);

    /// <summary>Heads of defined names that are not persons, organisations or places (plans, laws, indices).</summary>
    public static readonly FrozenSet<string> NonEntityHeads = Words(nameof(NonEntityHeads), StringComparer.Ordinal);

    /// <summary>Capitalised words that never name an entity on their own (months, weekdays, their abbreviations).</summary>
    public static readonly FrozenSet<string> CalendarWords = Words(nameof(CalendarWords), StringComparer.Ordinal);

    /// <summary>Words of an office after a title, taken off with it ("Secretary of State Ann Lee" → "Ann Lee").</summary>
    public static readonly FrozenSet<string> OfficeWords = Words(nameof(OfficeWords), StringComparer.Ordinal);

    /// <summary>Words just before a name that mark it as an organisation ("rival Lowe's").</summary>
    public static readonly FrozenSet<string> OrganizationCues = Words(nameof(OrganizationCues), StringComparer.OrdinalIgnoreCase);

    /// <summary>Words just after a name that mark it as an organisation ("WeWork founder").</summary>
    public static readonly FrozenSet<string> OrganizationFollowers = Words(nameof(OrganizationFollowers), StringComparer.Ordinal);

    /// <summary>Pronouns, page furniture, time zones and common-noun acronyms ("We", "Photo", "ET", "CEO").</summary>
    public static readonly FrozenSet<string> NotNames = Words(nameof(NotNames), StringComparer.Ordinal);

    /// <summary>Verbs of saying, used for persons ("X said") and quotes.</summary>
    public static readonly FrozenSet<string> SpeechVerbs = Words(nameof(SpeechVerbs), StringComparer.OrdinalIgnoreCase);

    /// <summary>Second words that make a place name of the first ("Gaza Strip", "Kandahar Province").</summary>
    public static readonly FrozenSet<string> PlaceSuffixes = Words(nameof(PlaceSuffixes), StringComparer.Ordinal);

    /// <summary>Prepositions before a place ("in Bannu").</summary>
    public static readonly FrozenSet<string> PlacePrepositions = Words(nameof(PlacePrepositions), StringComparer.OrdinalIgnoreCase);

    /// <summary>Well-known alternative names, each with its canonical name and type.</summary>
    public static readonly FrozenDictionary<string, (string Name, string Type)> KnownAliases = Pairs(nameof(KnownAliases))
        .ToFrozenDictionary(p => p.Key, p => (p.Value.Split('|')[0].Trim(), p.Value.Split('|')[1].Trim()), StringComparer.Ordinal);

    /// <summary>Aliases that are too ambiguous alone, used only once their canonical name is in the text.</summary>
    public static readonly FrozenDictionary<string, string> GuardedAliases = Pairs(nameof(GuardedAliases))
        .ToFrozenDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    private static FrozenSet<string> Words(string section, StringComparer comparer) =>
        Lines(section)
            .SelectMany(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(w => w.Replace('_', ' '))
            .ToFrozenSet(comparer);

    private static IEnumerable<KeyValuePair<string, string>> Pairs(string section) =>
        Lines(section).Select(l => l.Split('=', 2)).Select(p => KeyValuePair.Create(p[0].Trim(), p[1].Trim()));

    private static List<string> Lines(string section) =>
        Sections.TryGetValue(section, out var lines) ? lines : throw new InvalidDataException($"entity-lexicon.txt has no [{section}].");
}
