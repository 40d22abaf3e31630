using System.Globalization;
using System.Text;

namespace NewsIngest.Enricher.Enrichment;

public enum PlaceKind
{
    Country,
    Region,
    City,
}

/// <summary>A named place: a country, a first-level region or a populated place.</summary>
public sealed record Place(PlaceKind Kind, string Name, string CountryCode, double Lat, double Lon, int Population, bool IsCommonWord);

/// <summary>
/// Place names (countries in several languages, regions, cities of 15,000+ people) with ISO 3166-1 codes
/// and coordinates, built from published packages by <c>tools/enrichment-data</c>. Plain dictionaries:
/// they build several times faster than frozen ones at this size, which keeps start-up short.
/// </summary>
public sealed class Gazetteer
{
    /// <summary>Cities at least this large win over a region of the same name.</summary>
    public const int MajorCity = 100_000;

    private readonly Dictionary<string, Place[]> _byName;
    private readonly Dictionary<string, Place[]> _byFoldedName;

    private Gazetteer(IReadOnlyList<(string Name, Place Place)> rows)
    {
        _byName = rows.GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Place).ToArray(), StringComparer.Ordinal);

        // "Brasilia" finds "Brasília": names written without their accents.
        _byFoldedName = rows.Select(r => (Name: Fold(r.Name), r.Place))
            .Where(r => !_byName.ContainsKey(r.Name))
            .GroupBy(r => r.Name, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => r.Place).ToArray(), StringComparer.Ordinal);
    }

    public static Gazetteer Load()
    {
        var rows = EmbeddedData.ReadRows("gazetteer.tsv.gz").Select(Parse).ToList();
        rows.AddRange(SharedRegionNames(rows));
        return new Gazetteer(rows);
    }

    private static readonly string[] Compass =
        ["North", "South", "East", "West", "Central", "Northern", "Southern", "Eastern", "Western", "Upper", "Lower"];

    /// <summary>
    /// A region a country divides by compass points is a region by its bare name too: "Darfur" for North, South,
    /// East, West and Central Darfur (Sudan), "Kordofan" for North, South and West Kordofan. Only when two or
    /// more regions of one country share the name and it names no other place.
    /// </summary>
    private static IEnumerable<(string Name, Place Place)> SharedRegionNames(List<(string Name, Place Place)> rows)
    {
        var known = rows.Select(r => r.Name).ToHashSet(StringComparer.Ordinal);
        return rows
            .Where(r => r.Place.Kind == PlaceKind.Region)
            .Select(r => (Bare: Compass.FirstOrDefault(c => r.Name.StartsWith(c + " ", StringComparison.Ordinal)) is { } c ? r.Name[(c.Length + 1)..] : null, r.Place))
            .Where(r => r.Bare is { Length: > 2 } && !known.Contains(r.Bare))
            .GroupBy(r => (Name: r.Bare!, r.Place.CountryCode))
            .Where(g => g.Select(r => r.Place.Name).Distinct(StringComparer.Ordinal).Count() >= 2)
            .GroupBy(g => g.Key.Name, StringComparer.Ordinal)
            .Where(byName => byName.Count() == 1)
            .Select(byName => byName.Single())
            .Select(g => (g.Key.Name, new Place(
                PlaceKind.Region,
                g.Key.Name,
                g.Key.CountryCode,
                Math.Round(g.Average(r => r.Place.Lat), 3),
                Math.Round(g.Average(r => r.Place.Lon), 3),
                0,
                false)));
    }

    /// <summary>The name without accents and other combining marks.</summary>
    public static string Fold(string name)
    {
        var decomposed = name.Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                folded.Append(c);
            }
        }

        return folded.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>A city this large is meant wherever the article is ("London" is not London, Kentucky).</summary>
    public const int WorldCity = 1_000_000;

    /// <summary>
    /// The place a name most likely means: a country first; then a region or major city in a country the
    /// article mentions; then a world city; then a smaller place in a mentioned country; then a major city, a
    /// region, a smaller city (largest first).
    /// </summary>
    public Place? Find(string name, IReadOnlySet<string>? articleCountries = null)
    {
        if (!_byName.TryGetValue(name, out var places) && !_byFoldedName.TryGetValue(name, out places))
        {
            return null;
        }

        // The first of the places in that order (a stable sort's first), found in one pass without sorting.
        var best = places[0];
        for (var i = 1; i < places.Length; i++)
        {
            if (Compare(places[i], best, articleCountries) < 0)
            {
                best = places[i];
            }
        }

        return best;
    }

    private static int Compare(Place a, Place b, IReadOnlySet<string>? articleCountries)
    {
        var order = (a.Kind == PlaceKind.Country ? 0 : 1).CompareTo(b.Kind == PlaceKind.Country ? 0 : 1);
        if (order == 0)
        {
            order = Context(a, articleCountries).CompareTo(Context(b, articleCountries));
        }

        if (order == 0)
        {
            order = Rank(a).CompareTo(Rank(b));
        }

        if (order == 0)
        {
            order = b.Population.CompareTo(a.Population);
        }

        return order != 0 ? order : string.CompareOrdinal(a.CountryCode, b.CountryCode);
    }

    private static int Context(Place p, IReadOnlySet<string>? articleCountries)
    {
        var mentioned = articleCountries is not null && articleCountries.Contains(p.CountryCode);
        return (mentioned, p) switch
        {
            (true, { Kind: PlaceKind.Region } or { Population: >= MajorCity }) => 0,
            (_, { Population: >= WorldCity }) => 1,
            (true, _) => 2,
            _ => 3,
        };
    }

    private static int Rank(Place p) => p.Kind switch
    {
        PlaceKind.City when p.Population >= MajorCity => 0,
        PlaceKind.Region => 1,
        _ => 2,
    };

    private static (string Name, Place Place) Parse(string[] row)
    {
        var kind = row[0] switch
        {
            "C" => PlaceKind.Country,
            "R" => PlaceKind.Region,
            _ => PlaceKind.City,
        };
        var place = new Place(
            kind,
            row[2],
            row[3],
            double.Parse(row[4], CultureInfo.InvariantCulture),
            double.Parse(row[5], CultureInfo.InvariantCulture),
            int.Parse(row[6], CultureInfo.InvariantCulture),
            row[7] == "1");
        return (row[1], place);
    }
}
