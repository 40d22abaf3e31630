
namespace NewsIngest.Enricher.Enrichment;

/// <summary>Given names in Latin script from many locales; some are also common words ("Will", "May").</summary>
public sealed class FirstNames
{
    private readonly Dictionary<string, bool> _names;


    private FirstNames(Dictionary<string, bool> names) => _names = names;

    public static FirstNames Load() => new(EmbeddedData.ReadRows("firstnames.tsv.gz")
        .ToDictionary(r => r[0], r => r[1] == "1", StringComparer.Ordinal));

    public bool Contains(string name) => _names.ContainsKey(name);

    /// <summary>True for a given name that is not also an ordinary English word.</summary>
    public bool IsDistinctive(string name) => _names.TryGetValue(name, out var common) && !common;
}
