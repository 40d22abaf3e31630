using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Benchmarks;

internal sealed class CountingPublisher : IFetchedItemPublisher
{
    private int _count;

    public int Count => _count;

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(FetchedItem item, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _count);
        return Task.CompletedTask;
    }
}
