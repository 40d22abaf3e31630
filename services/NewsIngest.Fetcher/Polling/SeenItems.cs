using System.Collections.Concurrent;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Entry keys already published, per feed, for this process. Ids are derived from these keys, so a
/// restart that publishes an entry again is absorbed by the store's idempotent write.
/// </summary>
public sealed class SeenItems
{
    private readonly ConcurrentDictionary<string, byte> _keys = new(StringComparer.Ordinal);

    /// <returns>True when the key is new.</returns>
    public bool Add(string feedUrl, string itemKey) => _keys.TryAdd($"{feedUrl}\n{itemKey}", 0);
}
