using System.Collections.Concurrent;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>Keeps what the poller publishes instead of sending it to a bus.</summary>
internal sealed class RecordingPublisher : IFetchedItemPublisher
{
    private readonly ConcurrentQueue<FetchedItem> _items = new();

    public IReadOnlyList<FetchedItem> Items => [.. _items];

    /// <summary>When set, every publish fails with it (as a broker that refuses or returns a message would).</summary>
    public Exception? FailWith { get; set; }

    /// <summary>When set, every publish waits until it is cancelled (as one the broker never confirms).</summary>
    public bool NeverConfirm { get; set; }

    public Task WaitUntilReadyAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task PublishAsync(FetchedItem item, CancellationToken cancellationToken)
    {
        if (NeverConfirm)
        {
            return Task.Delay(Timeout.Infinite, cancellationToken);
        }

        if (FailWith is { } failure)
        {
            return Task.FromException(failure);
        }

        _items.Enqueue(item);
        return Task.CompletedTask;
    }
}
