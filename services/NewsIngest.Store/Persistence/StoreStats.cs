namespace NewsIngest.Store.Persistence;

/// <summary>Row counts of the store, and stored articles per language.</summary>
public sealed record StoreStats(
    long Articles,
    long Stories,
    long Sightings,
    long Rejected,
    long PendingOutbox,
    IReadOnlyDictionary<string, long> Languages);
