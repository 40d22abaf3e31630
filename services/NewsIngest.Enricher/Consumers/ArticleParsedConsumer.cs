using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.Enricher.Telemetry;

namespace NewsIngest.Enricher.Consumers;

/// <summary>Enriches a parsed article and publishes it; a failing step leaves it partially enriched, never lost.</summary>
public sealed class ArticleParsedConsumer(ArticleEnricher enricher, TimeProvider clock, ILogger<ArticleParsedConsumer> logger)
    : IConsumer<ArticleParsed>
{
    public async Task Consume(ConsumeContext<ArticleParsed> context)
    {
        var parsed = context.Message;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var enrichment = enricher.Enrich(parsed.Article);
        EnricherMetrics.RecordArticle(System.Diagnostics.Stopwatch.GetElapsedTime(started), enrichment.FailedSteps.Count);
        await context.Publish(new ArticleEnriched
        {
            ArticleId = parsed.ArticleId,
            CorrelationId = parsed.CorrelationId,
            EnrichedAt = clock.GetUtcNow(),
            Article = parsed.Article,
            Enrichment = enrichment,
        });

        if (enrichment.FailedSteps.Count > 0)
        {
            logger.LogWarning("Enriched article {ArticleId} partially: steps {FailedSteps} failed", parsed.ArticleId, enrichment.FailedSteps);
        }
        else
        {
            logger.LogInformation(
                "Enriched article {ArticleId}: {Language} ({LanguageConfidence:F2}), {WordCount} words, {EntityCount} entities",
                parsed.ArticleId, enrichment.Language, enrichment.LanguageConfidence, enrichment.WordCount, enrichment.Entities.Count);
        }
    }
}
