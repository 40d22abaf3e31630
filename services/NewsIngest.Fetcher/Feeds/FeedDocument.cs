using System.Text.Json.Serialization;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>A parsed feed: channel-level metadata plus its items, whatever the source format.</summary>
public sealed record FeedDocument
{
    public string? Title { get; init; }
    public string? Link { get; init; }
    public string? Subtitle { get; init; }
    public string? Id { get; init; }
    public string? Language { get; init; }
    public FeedAuthor? Author { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Updated { get; init; }
    public IReadOnlyList<FeedItem> Items { get; init; } = [];

    /// <summary>Format and version, e.g. "rss2.0", "rss1.0", "atom1.0", "atom0.3", "jsonfeed1.1".</summary>
    [JsonIgnore]
    public string Format { get; init; } = "";

    /// <summary>The feed's own address (atom:link rel="self", JSON Feed feed_url).</summary>
    [JsonIgnore]
    public string? SelfLink { get; init; }

    [JsonIgnore]
    public string? ImageUrl { get; init; }

    /// <summary>RSS &lt;ttl&gt;: minutes the feed may be cached.</summary>
    [JsonIgnore]
    public int? Ttl { get; init; }

    /// <summary>sy:updatePeriod (hourly, daily, weekly, monthly, yearly).</summary>
    [JsonIgnore]
    public string? UpdatePeriod { get; init; }

    /// <summary>sy:updateFrequency: times per update period.</summary>
    [JsonIgnore]
    public int? UpdateFrequency { get; init; }
}
