namespace NewsIngest.Fetcher.Publishing;

/// <summary>Where the sources hand their new items: the bus in the services, a recorder in tests and benchmarks.</summary>
public interface IFetchedItemPublisher
{
    Task PublishAsync(FetchedItem item, CancellationToken cancellationToken);
}
