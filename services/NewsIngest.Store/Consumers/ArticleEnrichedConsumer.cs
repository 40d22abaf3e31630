using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Publishing;
using NewsIngest.Store.Records;

namespace NewsIngest.Store.Consumers;

/// <summary>
/// Stores an enriched article once; the stored row is the outbox entry the <see cref="OutboxDispatcher"/>
/// publishes. A redelivery (same article id) or a copy of stored text writes nothing.
/// </summary>
public sealed class ArticleEnrichedConsumer(IArticleRepository repository, OutboxSignal outbox, TimeProvider clock, ILogger<ArticleEnrichedConsumer> logger)
    : IConsumer<ArticleEnriched>
{
    public async Task Consume(ConsumeContext<ArticleEnriched> context)
    {
        var record = StoredRecordFactory.Create(context.Message, clock.GetUtcNow());
        var outcome = await repository.SaveAsync(record, context.CancellationToken);
        switch (outcome)
        {
            case { Result: SaveResult.DuplicateContent }:
                logger.LogInformation("Skipped article {ArticleId}: same text as stored article {DuplicateOfArticleId}", record.ArticleId, outcome.ExistingArticleId);
                return;
            case { Result: SaveResult.AlreadyStored }:
                logger.LogInformation("Article {ArticleId} is stored already; redelivery ignored", record.ArticleId);
                return;
        }

        outbox.Notify();
        logger.LogInformation(
            "Stored article {ArticleId} {Title} ({Language}/{Category}, {WordCount} words)",
            record.ArticleId, record.Article.Title, record.Enrichment.Language, record.Category, record.Enrichment.WordCount);
    }
}
