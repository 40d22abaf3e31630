using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>Runs chosen steps of the shared enricher over an article, in their registered order.</summary>
public static class StepRunner
{
    public static EnrichmentContext Run(string title, string[] paragraphs, params Type[] steps) =>
        Run(TextArticle.Of(title, paragraphs), "en", steps);

    public static EnrichmentContext Run(NewsIngest.Contracts.ParsedArticle article, string language, params Type[] steps)
    {
        var context = new EnrichmentContext(article) { Language = language };
        foreach (var step in TestEnrichment.AllSteps.Where(s => steps.Contains(s.GetType())))
        {
            step.Apply(context);
        }

        return context;
    }
}
