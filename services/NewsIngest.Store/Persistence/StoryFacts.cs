namespace NewsIngest.Store.Persistence;

/// <summary>What the store keeps to recognise a story again: its near-duplicate fingerprint (stored side),
/// its canonical URL and the LSH band keys under which the fingerprint is found.</summary>
public sealed record StoryFacts(byte[] Fingerprint, string? CanonicalUrl, IReadOnlyList<uint>? BandKeys = null);
