namespace NewsIngest.Enricher.Enrichment;

/// <summary>A known name: its type, the name to report, how sure its spelling alone makes it, and the topic it leans to.</summary>
public sealed record KnownName(string Name, string Type, string Canonical, bool ExactCase, bool IsCommonWord, string? Topic = null);

/// <summary>
/// Names of organisations (news agencies, broadcasters, companies, institutions, international bodies, parties,
/// sports clubs), supranational places and well-known persons, built by <c>tools/enrichment-data</c> from
/// published packages and our hand-written lists. Used to type a name that no word of its own reveals.
/// </summary>
public sealed class NameBase
{
    private readonly Dictionary<string, KnownName> _byName;

    private NameBase(IEnumerable<KnownName> names)
    {
        _byName = new Dictionary<string, KnownName>(StringComparer.OrdinalIgnoreCase);
        foreach (var name in names)
        {
            _byName.TryAdd(name.Name, name);
        }
    }

    public int Count => _byName.Count;

    public static NameBase Load() => new(EmbeddedData.ReadRows("names.tsv.gz")
        .Select(r => new KnownName(
            r[0],
            r[1],
            r[2],
            r.Length > 3 && r[3].Contains('e', StringComparison.Ordinal),
            r.Length > 3 && r[3].Contains('c', StringComparison.Ordinal),
            r.Length > 4 && r[4].Length > 0 ? r[4] : null)));

    /// <summary>
    /// The known name written so. Acronyms must match their case ("AP", not "Ap"); a name that is also a common
    /// word ("Apple") only counts when <paramref name="capitalShowsName"/> (it was capitalised mid-sentence).
    /// </summary>
    public KnownName? Find(string text, bool capitalShowsName = true)
    {
        if (!_byName.TryGetValue(text, out var known))
        {
            return null;
        }

        if (known.ExactCase && !known.Name.Equals(text, StringComparison.Ordinal))
        {
            return null;
        }

        // All capitals ("APPLE") say nothing about a common word; neither does a sentence start.
        return known.IsCommonWord && (!capitalShowsName || text.All(c => !char.IsLower(c))) ? null : known;
    }
}
