using NewsIngest.Enricher.Enrichment;

namespace NewsIngest.Enricher.Startup;

/// <summary>
/// Builds the enricher (language models, gazetteer, name lists, lexicons) while the host starts, before the bus
/// consumes: otherwise the first message pays for it, seconds late, and "Application started" would not mean ready.
/// Registered before the messaging, so its start runs first.
/// </summary>
public sealed class EnrichmentWarmUp(IServiceProvider services, ILogger<EnrichmentWarmUp> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var enricher = services.GetRequiredService<ArticleEnricher>();
        logger.LogInformation(
            "Enrichment data loaded in {LoadMs} ms: steps {EnrichmentSteps}",
            (long)System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds, enricher.StepNames);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
