namespace NewsIngest.Store.Persistence;

/// <summary>
/// What one story decision looks up, and locks: the article's id, its exact-text key, its canonical URL and
/// its LSH band keys. Only stories stored since <paramref name="Since"/> (the dedup window) are compared.
/// </summary>
public sealed record StoryKeys(Guid ArticleId, string ContentHash, string? CanonicalUrl, IReadOnlyList<uint> BandKeys, DateTimeOffset Since);
