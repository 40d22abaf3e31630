namespace NewsIngest.Enricher.Enrichment;

/// <summary>Section <c>Enrichment</c>: which steps run (all do unless switched off, e.g. <c>Enrichment:Steps:Entities=false</c>).</summary>
public sealed class EnrichmentOptions
{
    public const string Section = "Enrichment";

    public Dictionary<string, bool> Steps { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEnabled(string step) => !Steps.TryGetValue(step, out var enabled) || enabled;
}
