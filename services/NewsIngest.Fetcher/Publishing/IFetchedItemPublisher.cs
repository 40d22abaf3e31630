namespace NewsIngest.Fetcher.Publishing;

/// <summary>Where the sources hand their new items: the bus in the services, a recorder in tests and benchmarks.</summary>
public interface IFetchedItemPublisher
{
    /// <summary>Returns once items can be published (the bus started); the fetch and inbox loops await it before their first pass.</summary>
    Task WaitUntilReadyAsync(CancellationToken cancellationToken);

    Task PublishAsync(FetchedItem item, CancellationToken cancellationToken);
}
