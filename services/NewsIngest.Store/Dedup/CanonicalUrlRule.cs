namespace NewsIngest.Store.Dedup;

/// <summary>
/// Which address of an article counts for dedup: a page's <c>&lt;link rel=canonical&gt;</c> only when it names the
/// page's own registrable domain (<c>www.example.co.uk</c> and <c>news.example.co.uk</c> are one site), so a page
/// cannot claim another site's story; otherwise the page's own address. The registrable domain is the last two labels,
/// or three under a two-letter country code with a generic second level (<c>co.uk</c>, <c>com.au</c>, <c>ne.jp</c>…).
/// A stored article under the same canonical URL makes the newcomer a sighting of its story only when the texts are
/// also related (<see cref="Related"/>): a page of the site itself cannot tie an unrelated text to a trusted story.
/// </summary>
public static class CanonicalUrlRule
{
    /// <summary>
    /// Share of the shorter text's shingles found in the other (as <see cref="StoryMatcher.Overlap"/> estimates it) from
    /// which two texts under one canonical URL are one story: an AMP or print copy, a shortened teaser or an update that
    /// added paragraphs keeps far more; two unrelated news texts share a few common phrases (under 0.05).
    /// </summary>
    public const double RelatedContainment = 0.3;

    /// <summary>Whether two texts under one canonical URL are related enough for the URL to count.</summary>
    public static bool Related(StoryMatch overlap)
    {
        ArgumentNullException.ThrowIfNull(overlap);
        return overlap.Containment >= RelatedContainment;
    }

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
