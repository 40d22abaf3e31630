namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Maps namespace URIs to the canonical prefix the builder dispatches on. The core vocabularies of RSS 0.9x/1.0/2.0
/// and Atom 0.3/1.0 all map to the empty prefix, so their elements share one set of handlers.
/// </summary>
internal static class FeedNamespaces
{
    public const string Atom10 = "http://www.w3.org/2005/Atom";
    public const string Rss10 = "http://purl.org/rss/1.0/";
    public const string Rss090 = "http://my.netscape.com/rdf/simple/0.9/";
    public const string Xhtml = "http://www.w3.org/1999/xhtml";

    private static readonly Dictionary<string, string> Prefixes = new(StringComparer.OrdinalIgnoreCase)
    {
        [""] = "",
        ["http://backend.userland.com/rss"] = "",
        ["http://blogs.law.harvard.edu/tech/rss"] = "",
        [Rss10] = "",
        [Rss090] = "",
        ["http://purl.org/atom/ns#"] = "",
        [Atom10] = "",
        ["http://purl.org/rss/1.0/modules/rss091#"] = "",
        ["http://example.com/newformat#"] = "",
        ["http://example.com/necho"] = "",
        ["http://purl.org/echo/"] = "",
        ["uri/of/echo/namespace#"] = "",
        ["http://purl.org/pie/"] = "",
        ["http://purl.org/rss/1.0/modules/content/"] = "content",
        ["http://purl.org/dc/elements/1.1/"] = "dc",
        ["http://purl.org/dc/terms/"] = "dcterms",
        ["http://search.yahoo.com/mrss"] = "media",
        ["http://search.yahoo.com/mrss/"] = "media",
        ["http://www.itunes.com/dtds/podcast-1.0.dtd"] = "itunes",
        ["http://example.com/dtds/podcast-1.0.dtd"] = "itunes",
        ["http://purl.org/rss/1.0/modules/syndication/"] = "sy",
        ["http://www.w3.org/1999/02/22-rdf-syntax-ns#"] = "rdf",
        ["http://www.w3.org/XML/1998/namespace"] = "xml",
        [Xhtml] = "xhtml",
        ["http://wellformedweb.org/commentAPI/"] = "wfw",
        ["http://purl.org/rss/1.0/modules/slash/"] = "slash",
        ["http://rssnamespace.org/feedburner/ext/1.0"] = "feedburner",
        ["http://www.georss.org/georss"] = "georss",
        ["http://purl.org/rss/1.0/modules/textinput/"] = "ti",
        ["http://purl.org/rss/1.0/modules/image/"] = "image",
        ["http://webns.net/mvcb/"] = "admin",
    };

    /// <summary>Canonical prefix of a namespace URI, or null when the namespace is not one we know.</summary>
    public static string? CanonicalPrefix(string uri)
    {
        if (uri.Contains("backend.userland.com/rss", StringComparison.OrdinalIgnoreCase))
        {
            return "";
        }

        return Prefixes.GetValueOrDefault(uri);
    }
}
