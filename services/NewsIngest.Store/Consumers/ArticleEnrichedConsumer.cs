using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;

namespace NewsIngest.Store.Consumers;

/// <summary>
/// Stores an enriched article once and publishes it to the topic once: a redelivery of a stored and
/// published article does nothing; one stored but not yet published (a crash in between) is published now.
/// </summary>
public sealed class ArticleEnrichedConsumer(IArticleRepository repository, TimeProvider clock, ILogger<ArticleEnrichedConsumer> logger)
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
            case { Result: SaveResult.AlreadyStored, Published: true }:
                logger.LogInformation("Article {ArticleId} is stored and published already; redelivery ignored", record.ArticleId);
                return;
        }

        await context.Publish(record, publish => publish.MessageId = record.ArticleId);
        await repository.MarkPublishedAsync(record.ArticleId, context.CancellationToken);
        logger.LogInformation(
            "Stored article {ArticleId} {Title} ({Language}/{Category}, {WordCount} words)",
            record.ArticleId, record.Article.Title, record.Enrichment.Language, record.Category, record.Enrichment.WordCount);
    }
}
