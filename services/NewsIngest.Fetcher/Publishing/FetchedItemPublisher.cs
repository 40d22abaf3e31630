using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Telemetry;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Fetcher.Publishing;

/// <summary>
/// Puts the body in the claim-check store and publishes <see cref="ArticleFetched"/> as mandatory: it returns once
/// the broker confirmed it, and throws when the broker could not route it to any queue (no consumer bound yet), so
/// the caller never records an item as seen that nobody will receive.
/// </summary>
public sealed class FetchedItemPublisher(
    IBus publisher,
    BusReadiness readiness,
    IMessageDataRepository bodies,
    Microsoft.Extensions.Options.IOptions<MessagingOptions> messaging,
    TimeProvider clock,
    ILogger<FetchedItemPublisher> logger) : IFetchedItemPublisher
{
    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => readiness.WaitAsync(cancellationToken);

    public async Task PublishAsync(FetchedItem item, CancellationToken cancellationToken)
    {
        var fetchedAt = clock.GetUtcNow();
        using var trace = FetcherMetrics.StartArticle(item.Kind, item.Origin, fetchedAt);
        trace?.SetTag("newsingest.article_id", item.ArticleId);
        using var body = new MemoryStream(item.Body, writable: false);
        var address = await bodies.Put(body, messaging.Value.ClaimCheckTimeToLive, cancellationToken);
        Uri? feedEntryAddress = null;
        if (item.FeedEntryBody is { Length: > 0 } feedEntry)
        {
            using var entry = new MemoryStream(feedEntry, writable: false);
            feedEntryAddress = await bodies.Put(entry, messaging.Value.ClaimCheckTimeToLive, cancellationToken);
        }

        var correlationId = NewId.NextGuid();
        await publisher.Publish(new ArticleFetched
        {
            ArticleId = item.ArticleId,
            CorrelationId = correlationId,
            FetchedAt = fetchedAt,
            Kind = item.Kind,
            BodyAddress = address,
            BodyLength = item.Body.Length,
            Origin = item.Origin,
            FeedUrl = item.FeedUrl,
            FeedTitle = item.FeedTitle,
            Url = item.Url,
            Title = item.Title,
            Author = item.Author,
            Published = item.Published,
            Charset = item.Charset,
            FeedEntryAddress = feedEntryAddress,
        }, context => context.Mandatory = true, cancellationToken);
        FetcherMetrics.RecordPublished(item.Kind);
        logger.LogInformation(
            "Fetched article {ArticleId} ({Kind}, {BodyLength} bytes) from {Origin} with correlation {CorrelationId}",
            item.ArticleId, item.Kind, item.Body.Length, item.Origin, correlationId);
    }
}
