using System.Collections.Concurrent;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>Keeps what the poller publishes instead of sending it to a bus.</summary>
internal sealed class RecordingPublisher : IFetchedItemPublisher
{
    private readonly ConcurrentQueue<FetchedItem> _items = new();

    public IReadOnlyList<FetchedItem> Items => [.. _items];

    public Task PublishAsync(FetchedItem item, CancellationToken cancellationToken)
    {
        _items.Enqueue(item);
        return Task.CompletedTask;
    }
}
