namespace NewsIngest.Contracts;

/// <summary>A clean article as the parser understood it; carried by every later message.</summary>
public sealed record ParsedArticle
{
    public required string Title { get; init; }
    public required IReadOnlyList<string> Paragraphs { get; init; }
    public string? Source { get; init; }
    public string? Url { get; init; }
    public string? CanonicalUrl { get; init; }
    public string? FeedUrl { get; init; }
    public DateTimeOffset? Published { get; init; }
    public DateTimeOffset? Modified { get; init; }
    public IReadOnlyList<string> Authors { get; init; } = [];
    public string? SiteName { get; init; }
    public string? Description { get; init; }
    public string? LeadImage { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public string? LanguageHint { get; init; }
}
