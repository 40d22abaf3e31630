using NewsIngest.Contracts;

namespace NewsIngest.Parser.Parsing;

/// <summary>Either a clean article or the reason there is none.</summary>
public sealed record ParseOutcome(ParsedArticle? Article, string? Rejection)
{
    public static ParseOutcome Parsed(ParsedArticle article) => new(article, null);

    public static ParseOutcome Rejected(string reason) => new(null, reason);
}
