using System.Data.Common;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Publishes the new items of one poll, up to <see cref="FetcherOptions.PublishConcurrency"/> at once, and records each
/// as seen as soon as the broker confirmed it. One after another, each item waited for its own confirm (a quorum
/// queue's is a replicated disk write) before the next went out: a poll that found three items took three confirms.
/// The first item the broker refuses stops the rest; the ones not confirmed stay unseen, so the next poll publishes
/// them again. A crash repeats at most the items in flight (same ArticleId downstream, where every stage is idempotent).
/// </summary>
public sealed class ConfirmedPublishing(IFetchedItemPublisher publisher, FeedStateStore store, IOptions<FetcherOptions> options, TimeProvider clock)
{
    /// <returns>Items published and marked seen, and why publishing stopped (null: all went out).</returns>
    public async Task<(int Published, string? Failure)> PublishAsync(string feedId, IReadOnlyList<(FetchedItem Item, string Key)> items, CancellationToken cancellationToken)
    {
        var published = 0;
        string? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            await Parallel.ForEachAsync(
                items,
                new ParallelOptions { MaxDegreeOfParallelism = options.Value.PublishConcurrency, CancellationToken = stop.Token },
                async (entry, token) =>
                {
                    try
                    {
                        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(token);
                        attempt.CancelAfter(options.Value.PublishTimeout);
                        await publisher.PublishAsync(entry.Item, attempt.Token);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested && ex is not DbException)
                    {
                        // Not confirmed (broker away, nothing bound to route it to, no confirm within Fetcher:PublishTimeout):
                        // not marked seen. The first failure names the reason.
                        Interlocked.CompareExchange(ref failure, $"publish failed ({ex.GetType().Name}): {ex.Message}", null);
                        await stop.CancelAsync();
                        return;
                    }

                    // Only once the broker confirmed it.
                    await store.MarkSeenAsync(feedId, [entry.Key], clock.GetUtcNow(), CancellationToken.None);
                    Interlocked.Increment(ref published);
                });
        }
        catch (OperationCanceledException) when (failure is not null && !cancellationToken.IsCancellationRequested)
        {
            // Stopped by the first refused item; the others in flight finished or were cancelled unconfirmed.
        }

        return (published, failure);
    }
}
