using NewsIngest.Contracts;

namespace NewsIngest.ServiceDefaults;

/// <summary>Tag values shared by the services' meters and spans, so one label means one thing everywhere.</summary>
public static class TelemetryTags
{
    /// <summary>The <c>kind</c> label of an article's source: <c>text</c>, <c>feed_item</c>, <c>html</c>.</summary>
    public static string Kind(ArticleSourceKind kind) => kind switch
    {
        ArticleSourceKind.Text => "text",
        ArticleSourceKind.FeedItem => "feed_item",
        ArticleSourceKind.Html => "html",
        _ => "other",
    };
}
