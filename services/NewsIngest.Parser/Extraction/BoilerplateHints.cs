using System.Buffers;

namespace NewsIngest.Parser.Extraction;

/// <summary>What an element's tag, role, class and id say about it: navigation, sharing, comments and the like,
/// or article content.</summary>
internal static class BoilerplateHints
{
    /// <summary>Elements that never hold article prose.</summary>
    private static readonly SearchValues<string> NonContentTags = SearchValues.Create(
        ["nav", "aside", "footer", "button", "select", "input", "textarea", "svg", "math", "iframe", "noscript", "template",
         "object", "embed", "video", "audio", "canvas", "dialog", "label", "map", "menu"],
        StringComparison.Ordinal);

    private static readonly string[] NonContentRoles = ["navigation", "banner", "contentinfo", "complementary", "dialog", "alertdialog", "menu", "menubar", "search", "toolbar", "tablist"];

    /// <summary>Class/id fragments that mark boilerplate wherever they occur in the name.</summary>
    private static readonly SearchValues<string> NegativeFragments = SearchValues.Create(
    [
        "comment", "disqus", "sharing", "share-", "-share", "social", "related", "recommend", "newsletter", "subscri",
        "signup", "sign-up", "cookie", "consent", "gdpr", "promo", "sponsor", "advert", "outbrain", "taboola", "sidebar",
        "widget-area", "widgets", "breadcrumb", "navigation", "navbar", "menu", "footer", "masthead", "popup", "modal", "pagination",
        "pager", "toolbar", "byline", "author", "trending", "popular", "most-read", "mostread", "readmore", "read-more",
        "more-stories", "paywall", "banner", "skip-link", "login", "jump-link", "recirc", "teaser", "onward",
        "dateline-", "timestamp", "post-meta", "entry-meta", "article-meta", "meta-data", "metadata", "tags", "tag-list",
        "keywords", "email", "follow", "headline-list", "inline-link", "see-also", "also-read", "ad-container",
        "ad-slot", "adslot", "ad-wrapper", "ad-unit", "adunit", "dfp", "gpt-ad", "native-ad", "nativo", "affiliate-disclosure",
        "subscribe", "visually-hidden", "sr-only", "screen-reader", "offscreen", "caption", "credit", "gallery", "slideshow",
    ], StringComparison.OrdinalIgnoreCase);

    /// <summary>Whole class/id words (split on non-letters and case changes) that mark boilerplate.</summary>
    private static readonly HashSet<string> NegativeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "ad", "ads", "adv", "advert", "nav", "meta", "tag", "share", "shares", "rss", "extra", "aside", "header", "related",
        "hide", "tools", "utility", "sponsored", "promoted", "partner", "partners", "newsletter", "signup", "comments",
        "comment", "footnote", "about", "bio", "crumbs", "subnav", "flyout", "overlay", "lightbox", "carousel", "slider", "settings",
    };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NegativeWordLookup = NegativeWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly SearchValues<string> PositiveFragments = SearchValues.Create(
    [
        "article", "content", "entry", "story", "post-body", "postbody", "post-content", "main", "text", "blog", "body",
        "prose", "richtext", "rich-text", "paragraph",
    ], StringComparison.OrdinalIgnoreCase);

    public static bool IsNonContentTag(string tag) => NonContentTags.Contains(tag);

    /// <summary>Whether the element's tag, hidden state or role mark it as never holding article prose; computed once
    /// per element (each extraction marks the tree several times).</summary>
    public static bool IsNonContent(HtmlNode e) => e.NonContent ??= IsNonContentTag(e.Tag) || IsHidden(e) || HasNonContentRole(e);

    public static bool IsHidden(HtmlNode e)
    {
        if (e.Attr("hidden") is not null || e.Attr("aria-hidden") == "true")
        {
            return true;
        }

        var style = e.Attr("style");
        if (style is null)
        {
            return false;
        }

        var s = style.Replace(" ", string.Empty, StringComparison.Ordinal);
        return s.Contains("display:none", StringComparison.OrdinalIgnoreCase) || s.Contains("visibility:hidden", StringComparison.OrdinalIgnoreCase);
    }

    public static bool HasNonContentRole(HtmlNode e)
    {
        var role = e.Attr("role");
        return role is not null && NonContentRoles.Contains(role.Trim().ToLowerInvariant());
    }

    /// <summary>−1 when class/id point to boilerplate, +1 when they point to article content, 0 otherwise or both.</summary>
    public static int Hint(HtmlNode e) => e.Hint ??= ComputeHint(e);

    private static int ComputeHint(HtmlNode e)
    {
        var cls = e.Attr("class");
        var id = e.Attr("id");
        if (cls is null && id is null)
        {
            return 0;
        }

        // No fragment holds a space and a space is a word boundary, so class and id are looked at one after the
        // other, as the words of "class id" would be, without joining them into a new string for every element.
        var negative = IsNegative(cls) || IsNegative(id);
        var positive = cls.AsSpan().IndexOfAny(PositiveFragments) >= 0 || id.AsSpan().IndexOfAny(PositiveFragments) >= 0;
        return negative == positive ? (negative ? NegativeOverPositive($"{cls} {id}") : 0) : negative ? -1 : 1;
    }

    public static bool IsNegative(ReadOnlySpan<char> span)
    {
        if (span.IndexOfAny(NegativeFragments) >= 0)
        {
            return true;
        }

        var start = -1;
        for (var i = 0; i <= span.Length; i++)
        {
            var c = i < span.Length ? span[i] : ' ';
            var boundary = !char.IsLetter(c) || (i > 0 && char.IsUpper(c) && char.IsLower(span[i - 1]));
            if (boundary && start >= 0)
            {
                if (NegativeWordLookup.Contains(span[start..i]))
                {
                    return true;
                }

                start = -1;
            }

            if (char.IsLetter(c) && start < 0)
            {
                start = i;
            }
        }

        return false;
    }

    /// <summary>Both kinds of hint: each class or id token votes, a token with any boilerplate word votes
    /// boilerplate ("article-comments", "article-author-name"), the majority decides ("article-body has-sidebar" is a tie).</summary>
    private static int NegativeOverPositive(string names)
    {
        var negative = 0;
        var positive = 0;
        foreach (var token in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (IsNegative(token))
            {
                negative++;
            }
            else if (token.AsSpan().IndexOfAny(PositiveFragments) >= 0)
            {
                positive++;
            }
        }

        return negative > positive ? -1 : positive > negative ? 1 : 0;
    }
}
