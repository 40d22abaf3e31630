namespace NewsIngest.Enricher.Enrichment;

/// <summary>One entity as the entity step gathers it: its names, how often each was used, and its place.</summary>
public sealed class EntityBuilder(string key, string type, int order)
{
    private readonly Dictionary<string, int> _surfaces = new(StringComparer.Ordinal);

    public string Key { get; } = key;
    public string Type { get; } = type;
    public int Order { get; } = order;
    public int Mentions { get; private set; }
    public bool Defined { get; set; }
    public Place? Place { get; set; }

    /// <summary>The name to report; when unset, the longest surface form (the full name over a surname or acronym).</summary>
    public string? FixedName { get; set; }

    public HashSet<string> ExtraAliases { get; } = new(StringComparer.Ordinal);

    public string Name => FixedName ?? _surfaces
        .OrderByDescending(s => s.Key.Length)
        .ThenByDescending(s => s.Value)
        .ThenBy(s => s.Key, StringComparer.Ordinal)
        .Select(s => s.Key)
        .FirstOrDefault(Key);

    public IEnumerable<string> Aliases => _surfaces.Keys.Concat(ExtraAliases)
        .Where(a => !a.Equals(Name, StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .OrderBy(a => a, StringComparer.Ordinal);

    public string? Surname => Type == EntityTypes.Person && Name.Contains(' ', StringComparison.Ordinal) ? Name[(Name.LastIndexOf(' ') + 1)..] : null;

    public void Mention(string surface)
    {
        Mentions++;
        _surfaces[surface] = _surfaces.GetValueOrDefault(surface) + 1;
    }
}
