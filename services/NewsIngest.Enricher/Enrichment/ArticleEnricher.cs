using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Telemetry;

namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// Runs the enabled steps in order over one article. A step that throws is logged and named in
/// <see cref="ArticleEnrichment.FailedSteps"/>; the others still run, so a partial record beats none.
/// </summary>
public sealed class ArticleEnricher
{
    private readonly IReadOnlyList<IEnrichmentStep> _steps;
    private readonly ILogger<ArticleEnricher> _logger;

    public ArticleEnricher(IEnumerable<IEnrichmentStep> steps, IOptions<EnrichmentOptions> options, ILogger<ArticleEnricher> logger)
    {
        var settings = options.Value;
        var all = steps.ToList();

        // A misspelt step name would otherwise be ignored silently and leave the step running.
        var unknown = settings.Steps.Keys.Where(k => !all.Exists(s => s.Name.Equals(k, StringComparison.OrdinalIgnoreCase))).ToList();
        if (unknown.Count > 0)
        {
            throw new InvalidOperationException(
                $"Setting '{EnrichmentOptions.Section}:Steps:{unknown[0]}' names no enrichment step; the steps are {string.Join(", ", all.Select(s => s.Name))}.");
        }

        _steps = all.Where(s => settings.IsEnabled(s.Name)).ToList();
        _logger = logger;
    }

    /// <summary>The names of the steps that run, in order.</summary>
    public IReadOnlyList<string> StepNames => _steps.Select(s => s.Name).ToList();

    public ArticleEnrichment Enrich(ParsedArticle article)
    {
        ArgumentNullException.ThrowIfNull(article);
        var context = new EnrichmentContext(article);
        var failed = new List<string>();
        foreach (var step in _steps)
        {
            var started = System.Diagnostics.Stopwatch.GetTimestamp();
            try
            {
                step.Apply(context);
                EnricherMetrics.RecordStep(step.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started), failed: false);
            }
            catch (Exception ex)
            {
                EnricherMetrics.RecordStep(step.Name, System.Diagnostics.Stopwatch.GetElapsedTime(started), failed: true);
                _logger.LogError(ex, "Enrichment step {EnrichmentStep} failed for article {ArticleTitle}", step.Name, article.Title);
                failed.Add(step.Name);
            }
        }

        return context.ToEnrichment(failed);
    }
}
