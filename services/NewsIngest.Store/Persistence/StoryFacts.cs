namespace NewsIngest.Store.Persistence;

/// <summary>What the store keeps to recognise a story again: its near-duplicate fingerprint and canonical URL.</summary>
public sealed record StoryFacts(byte[] Fingerprint, string? CanonicalUrl);

/// <summary>One fingerprint of a story, in the order they were stored.</summary>
public sealed record StoryVersion(long Seq, Guid StoryId, byte[] Fingerprint);
