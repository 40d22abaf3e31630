using NewsIngest.Contracts;

namespace NewsIngest.Parser.Parsing;

/// <summary>Either a clean article or the reason there is none.</summary>
public sealed record ParseOutcome(ParsedArticle? Article, string? Rejection)
{
    /// <summary>When the article is the feed entry's text because the page was rejected: why the page was.</summary>
    public string? FellBackFrom { get; init; }

    /// <summary>Why only the start of the page was read; null when all of it was (or it was no page).</summary>
    public string? Truncation { get; init; }

    public static ParseOutcome Parsed(ParsedArticle article) => new(article, null);

    public static ParseOutcome Rejected(string reason) => new(null, reason);
}
