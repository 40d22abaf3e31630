using NewsIngest.Contracts;
using NewsIngest.Parser.Html;
using NewsIngest.Parser.Text;

namespace NewsIngest.Parser.Parsing;

/// <summary>
/// The parser's one entry point, shared by the service's consumer and <c>newsingest parse</c>: plain-text
/// wire articles, feed entries (HTML fragments) and article pages.
/// </summary>
public sealed class ArticleParsing
{
    public ParseOutcome Parse(ParseRequest request)
    {
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
        var title = request.Title is null ? null : TextNormalizer.Clean(request.Title);
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

    private static string? SiteOf(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.Host : null;
}
