using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Telemetry;

namespace NewsIngest.Store.Consumers;

/// <summary>Keeps a record of every item a stage rejected, with its reason, for operators.</summary>
public sealed class ArticleRejectedConsumer(IArticleRepository repository, ILogger<ArticleRejectedConsumer> logger)
    : IConsumer<ArticleRejected>
{
    public async Task Consume(ConsumeContext<ArticleRejected> context)
    {
        await repository.SaveRejectionAsync(context.Message, context.CancellationToken);
        StoreMetrics.RecordRejection(context.Message.Stage);
        logger.LogInformation("Recorded rejection of article {ArticleId} by {Stage}: {Reason}", context.Message.ArticleId, context.Message.Stage, context.Message.Reason);
    }
}
