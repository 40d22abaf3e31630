using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.State;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// One pass over the feeds that are due: claim a batch under a lease (so no other replica polls them), poll them
/// with bounded parallelism, repeat until none is due. Bounded: at most as many batches as there were feeds due.
/// </summary>
public sealed class FeedPollCycle(FeedStateStore store, FeedPoller poller, IOptions<FetcherOptions> options, TimeProvider clock)
{
    private const int BatchSize = 100;

    /// <summary>Names this replica in the leases it takes.</summary>
    public string Owner { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <returns>Items published.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var published = 0;
        var polled = new HashSet<string>(StringComparer.Ordinal);
        while (!cancellationToken.IsCancellationRequested)
        {
            var due = await store.ClaimDueAsync(Owner, clock.GetUtcNow(), settings.State.LeaseDuration, BatchSize, cancellationToken);
            var fresh = due.Where(feed => polled.Add(feed.FeedId)).ToList();
            await Parallel.ForEachAsync(
                due,
                new ParallelOptions { MaxDegreeOfParallelism = settings.MaxConcurrentPolls, CancellationToken = cancellationToken },
                async (feed, token) => Interlocked.Add(ref published, (await poller.PollAsync(feed, Owner, token)).NewItems));
            if (due.Count < BatchSize || fresh.Count == 0)
            {
                break;
            }
        }

        return published;
    }
}
