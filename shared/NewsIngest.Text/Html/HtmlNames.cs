using System.Collections.Frozen;

namespace NewsIngest.Text.Html;

/// <summary>Lower-cases tag and attribute names, sharing one string instance for the names HTML knows.</summary>
public static class HtmlNames
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "a", "abbr", "acronym", "address", "applet", "area", "article", "aside", "audio", "b", "base", "basefont", "bdi", "bdo",
        "bgsound", "big", "blockquote", "body", "br", "button", "canvas", "caption", "center", "cite", "code", "col",
        "colgroup", "data", "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "embed",
        "fieldset", "figcaption", "figure", "font", "footer", "form", "frame", "h1", "h2", "h3", "h4", "h5", "h6", "head",
        "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd", "keygen", "label", "legend", "li",
        "link", "main", "map", "mark", "marquee", "math", "menu", "meta", "meter", "nav", "nobr", "noembed", "noframes",
        "noscript", "object", "ol", "optgroup", "option", "output", "p", "param", "picture", "plaintext", "pre", "progress",
        "q", "rp", "rt", "ruby", "s", "samp", "script", "section", "select", "small", "source", "span", "strike", "strong",
        "style", "sub", "summary", "sup", "svg", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead",
        "time", "title", "tr", "track", "tt", "u", "ul", "var", "video", "wbr", "xmp",
        "alt", "href", "src", "srcset", "cite", "action", "background", "codebase", "longdesc", "usemap", "poster",
        "profile", "classid", "class", "id", "name", "width", "height", "rel", "target", "type", "lang", "xml:lang",
        "align", "border", "colspan", "rowspan", "content", "property", "itemprop", "charset", "http-equiv", "datetime",
        "role", "hidden", "aria-hidden", "loading", "sizes", "media",
    }.ToFrozenSet();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup = Known.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Intern(ReadOnlySpan<char> name)
    {
        if (name.Length > 64)
        {
            return name.ToString().ToLowerInvariant();
        }

        Span<char> lower = stackalloc char[name.Length];
        name.ToLowerInvariant(lower);
        return KnownLookup.TryGetValue(lower, out var known) ? known : lower.ToString();
    }
}
