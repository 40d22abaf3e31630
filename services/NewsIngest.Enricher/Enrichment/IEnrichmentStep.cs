namespace NewsIngest.Enricher.Enrichment;

/// <summary>One small piece of enrichment: reads what the context holds and adds its own part.</summary>
public interface IEnrichmentStep
{
    /// <summary>The step's name, as used in <c>Enrichment:Steps:NAME</c> and in <c>FailedSteps</c>.</summary>
    string Name { get; }

    void Apply(EnrichmentContext context);
}
