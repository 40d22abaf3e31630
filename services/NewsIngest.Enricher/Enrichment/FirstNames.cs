namespace NewsIngest.Enricher.Enrichment;

/// <summary>Given names in Latin script from many locales (the data also flags those that are English words).</summary>
public sealed class FirstNames
{
    private readonly HashSet<string> _names;

    private FirstNames(HashSet<string> names) => _names = names;

    public static FirstNames Load() => new(EmbeddedData.ReadRows("firstnames.tsv.gz")
        .Select(r => r[0])
        .ToHashSet(StringComparer.Ordinal));

    public bool Contains(string name) => _names.Contains(name);
}
