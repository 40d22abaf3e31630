namespace NewsIngest.Store.Dedup;

/// <summary>
/// Which address of an article counts for dedup: a page's <c>&lt;link rel=canonical&gt;</c> only when it names the
/// page's own registrable domain (<c>www.example.co.uk</c> and <c>news.example.co.uk</c> are one site), so a page
/// cannot claim another site's story; otherwise the page's own address. The registrable domain is the last two labels,
/// or three under a two-letter country code with a generic second level (<c>co.uk</c>, <c>com.au</c>, <c>ne.jp</c>…).
/// </summary>
public static class CanonicalUrlRule
{
    private static readonly HashSet<string> GenericSecondLevels = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "gov", "ac", "edu", "ne", "or", "go", "gv", "mil", "nic", "ltd", "plc", "gob",
    };

    /// <returns>The canonicalised address that counts, or null when the article has no usable http(s) address.</returns>
    public static string? Key(string? canonicalUrl, string? pageUrl)
    {
        var page = UrlCanonicalizer.Canonicalize(pageUrl);
        var canonical = UrlCanonicalizer.Canonicalize(canonicalUrl);
        if (canonical is null)
        {
            return page;
        }

        // A canonical URL without a page address to check it against (a page handed in directly) is taken as given.
        return page is null || SameSite(canonical, page) ? canonical : page;
    }

    public static bool SameSite(string a, string b) =>
        Uri.TryCreate(a, UriKind.Absolute, out var x) && Uri.TryCreate(b, UriKind.Absolute, out var y)
        && string.Equals(RegistrableDomain(x.IdnHost), RegistrableDomain(y.IdnHost), StringComparison.OrdinalIgnoreCase);

    public static string RegistrableDomain(string host)
    {
        var labels = host.TrimEnd('.').ToLowerInvariant().Split('.');
        if (labels.Length <= 2 || System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _))
        {
            return host.ToLowerInvariant();
        }

        var keep = labels[^1].Length == 2 && GenericSecondLevels.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(keep, labels.Length)..]);
    }
}
