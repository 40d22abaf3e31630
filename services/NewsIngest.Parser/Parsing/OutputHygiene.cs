using NewsIngest.Contracts;
using NewsIngest.Text.Safety;

namespace NewsIngest.Parser.Parsing;

/// <summary>
/// The last step of every parse, before a record leaves the parser: each URL field is an absolute http/https URL or
/// null (no <c>javascript:</c>, no CR/LF), and control characters are stripped from the title, source, site name,
/// description, authors and tags, so nothing downstream (logs, console, records) can be forged from a feed or a page.
/// </summary>
internal static class OutputHygiene
{
    public static ParsedArticle Clean(ParsedArticle article) => article with
    {
        Title = ControlCharacters.Strip(article.Title),
        Source = ControlCharacters.StripOrNull(article.Source),
        Url = WebAddresses.HttpOrNull(article.Url),
        CanonicalUrl = WebAddresses.HttpOrNull(article.CanonicalUrl),
        FeedUrl = WebAddresses.HttpOrNull(article.FeedUrl),
        LeadImage = WebAddresses.HttpOrNull(article.LeadImage),
        SiteName = ControlCharacters.StripOrNull(article.SiteName),
        Description = ControlCharacters.StripOrNull(article.Description),
        Authors = [.. article.Authors.Select(ControlCharacters.Strip).Where(author => author.Length > 0)],
        Tags = [.. article.Tags.Select(ControlCharacters.Strip).Where(tag => tag.Length > 0)],
    };
}
