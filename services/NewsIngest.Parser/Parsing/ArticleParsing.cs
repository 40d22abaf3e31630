using NewsIngest.Contracts;
using NewsIngest.Parser.Extraction;
using NewsIngest.Parser.Html;
using NewsIngest.Parser.Text;

namespace NewsIngest.Parser.Parsing;

/// <summary>
/// The parser's one entry point, shared by the service's consumer and <c>newsingest parse</c>: plain-text
/// wire articles, feed entries (HTML fragments) and article pages.
/// </summary>
public sealed class ArticleParsing(ArticleExtractor extractor)
{
    public ArticleParsing()
        : this(new ArticleExtractor())
    {
    }

    public ParseOutcome Parse(ParseRequest request)
    {
        var outcome = ParseUnchecked(request);
        return outcome.Article is null ? outcome : outcome with { Article = OutputHygiene.Clean(outcome.Article) };
    }

    private ParseOutcome ParseUnchecked(ParseRequest request)
    {
        if (request.Kind == ArticleSourceKind.Html)
        {
            var page = FromPage(HtmlDecoding.Decode(request.Body, request.Charset is null ? null : $"text/html; charset={request.Charset}"), request);
            return page.Article is null && request.FeedEntry is { Length: > 0 } entry ? FromFeedEntryInstead(entry, request, page) : page;
        }

        var text = TextDecoding.Decode(request.Body, request.Charset, out var rejection);
        if (text is null)
        {
            return ParseOutcome.Rejected(rejection!);
        }

        return request.Kind switch
        {
            ArticleSourceKind.Text => FromPlainText(text, request),
            ArticleSourceKind.FeedItem => FromFeedItem(text, request),
            _ => ParseOutcome.Rejected($"unsupported source kind {request.Kind}"),
        };
    }

    private static ParseOutcome FromPlainText(string text, ParseRequest request)
    {
        var article = PlainTextArticleReader.Read(text);
        if (article.Title.Length == 0 || article.Paragraphs.Count == 0)
        {
            return ParseOutcome.Rejected("no article: a title line and at least one paragraph are needed");
        }

        return ParseOutcome.Parsed(new ParsedArticle
        {
            Title = article.Title,
            Paragraphs = article.Paragraphs,
            Source = article.Source ?? request.FeedTitle,
            Url = request.Url,
            FeedUrl = request.FeedUrl,
            Published = request.Published,
            Authors = request.Author is null ? [] : [request.Author],
        });
    }

    private static ParseOutcome FromFeedItem(string html, ParseRequest request)
    {
        var paragraphs = HtmlFragmentText.Paragraphs(html);
        var title = request.Title is null ? null : TextNormalizer.Normalize(request.Title);
        if (string.IsNullOrEmpty(title) || paragraphs.Count == 0)
        {
            return ParseOutcome.Rejected("no article: the feed entry has no title or no text");
        }

        return ParseOutcome.Parsed(new ParsedArticle
        {
            Title = title,
            Paragraphs = paragraphs,
            Source = request.FeedTitle ?? SiteOf(request.Url),
            Url = request.Url,
            FeedUrl = request.FeedUrl,
            Published = request.Published,
            Authors = request.Author is null ? [] : [request.Author],
        });
    }

    /// <summary>The page had no article: the feed entry's own text, or the page's rejection when the entry has none either.</summary>
    private static ParseOutcome FromFeedEntryInstead(byte[] entry, ParseRequest request, ParseOutcome page)
    {
        var text = TextDecoding.Decode(entry, "utf-8", out _);
        var fromEntry = text is null ? null : FromFeedItem(text, request);
        return fromEntry?.Article is null ? page : fromEntry with { FellBackFrom = page.Rejection };
    }

    private ParseOutcome FromPage(string html, ParseRequest request)
    {
        var page = extractor.Extract(html, Uri.TryCreate(request.Url, UriKind.Absolute, out var url) ? url : null);
        var readInPart = page.Truncation is null ? string.Empty : $" ({page.Truncation})";
        if (page.NoArticleReason is not null)
        {
            return ParseOutcome.Rejected($"no article: {page.NoArticleReason}{readInPart}");
        }

        var title = page.Title ?? request.Title;
        if (string.IsNullOrWhiteSpace(title) || page.Paragraphs.Count == 0)
        {
            return ParseOutcome.Rejected($"no article: the page has no title or no text{readInPart}");
        }

        return ParseOutcome.Parsed(new ParsedArticle
        {
            Title = title,
            Paragraphs = page.Paragraphs,
            Source = page.SiteName ?? request.FeedTitle ?? SiteOf(page.CanonicalUrl ?? request.Url),
            Url = request.Url,
            CanonicalUrl = page.CanonicalUrl,
            FeedUrl = request.FeedUrl,
            Published = page.Published ?? request.Published,
            Modified = page.Modified,
            Authors = page.Authors.Count > 0 ? page.Authors : request.Author is null ? [] : [request.Author],
            SiteName = page.SiteName,
            Description = page.Description,
            LeadImage = page.LeadImage,
            Tags = page.Tags,
            LanguageHint = page.Language,
        }) with
        { Truncation = page.Truncation };
    }

    private static string? SiteOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;
}
