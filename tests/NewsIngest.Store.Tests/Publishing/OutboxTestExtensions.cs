using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Tests.Publishing;

internal static class OutboxTestExtensions
{
    /// <summary>Marks the <paramref name="count"/> oldest pending records published, as the dispatcher would after the broker's confirm.</summary>
    public static async Task MarkOldestPublishedAsync(this SqlOutbox outbox, int count, CancellationToken cancellationToken)
    {
        foreach (var record in await outbox.ClaimAsync(OutboxLanes.Records, count, TimeSpan.FromMinutes(1), cancellationToken))
        {
            await outbox.MarkPublishedAsync(OutboxLanes.Records, record.ArticleId, cancellationToken);
        }
    }
}
