using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>A story: its first stored record and every sighting of it, oldest first.</summary>
public sealed record StoryView(Guid StoryId, ArticleStored Article, IReadOnlyList<SightingView> Sightings);

public sealed record SightingView(Guid ArticleId, string? Source, string? Url, string? FeedUrl, double Similarity, DateTimeOffset SeenAt);
