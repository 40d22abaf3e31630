using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Store.Publishing;
using NewsIngest.Store.Records;
using NewsIngest.Store.Stories;
using NewsIngest.Store.Telemetry;

namespace NewsIngest.Store.Consumers;

/// <summary>
/// Stores an enriched article as a new story, or as another sighting of a stored one; a new story's row is
/// the outbox entry the <see cref="OutboxDispatcher"/> publishes (from memory, when it is leased to this process). A
/// redelivery writes nothing.
/// </summary>
public sealed class ArticleEnrichedConsumer(StoryDeduplicator stories, OutboxSignal outbox, TimeProvider clock, ILogger<ArticleEnrichedConsumer> logger)
    : IConsumer<ArticleEnriched>
{
    public async Task Consume(ConsumeContext<ArticleEnriched> context)
    {
        var record = StoredRecordFactory.Create(context.Message, clock.GetUtcNow());
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var decision = await stories.StoreAsync(record, context.CancellationToken);
        StoreMetrics.RecordDecision(decision.Outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        OutboxTraces.Remember(record.ArticleId);
        if (decision.IgnoredCanonicalUrl is { } ignored)
        {
            logger.LogWarning(
                "Article {ArticleId} names canonical URL {CanonicalUrl} of story {CanonicalStoryId} but its text is unrelated (containment {Containment:F2}); the URL does not count for dedup",
                record.ArticleId, ignored.CanonicalUrl, ignored.StoryId, ignored.Containment);
        }

        switch (decision.Outcome)
        {
            case StoryOutcome.NewStory:
                if (decision.LeasedUntil is { } leasedUntil)
                {
                    outbox.Offer(record, leasedUntil);
                }
                else
                {
                    outbox.Notify();
                }

                logger.LogInformation(
                    "Stored article {ArticleId} {Title} ({Language}/{Category}, {WordCount} words), decided in {DecisionMs} ms, {DecisionsAlongside} other decisions under way",
                    record.ArticleId, record.Article.Title, record.Enrichment.Language, record.Category, record.Enrichment.WordCount, Ms(decision), decision.Alongside);
                break;
            case StoryOutcome.Sighting:
                outbox.Notify();
                logger.LogInformation(
                    "Article {ArticleId} is another sighting of story {StoryId}: {Reason} (decided in {DecisionMs} ms, {DecisionsAlongside} other decisions under way)",
                    record.ArticleId, decision.StoryId, decision.Reason, Ms(decision), decision.Alongside);
                break;
            default:
                logger.LogInformation("Article {ArticleId} is stored already; redelivery ignored in {DecisionMs} ms", record.ArticleId, Ms(decision));
                break;
        }
    }

    private static long Ms(StoryDecision decision) => (long)decision.Elapsed.TotalMilliseconds;
}
