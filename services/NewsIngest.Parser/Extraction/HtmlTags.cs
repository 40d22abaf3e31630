using System.Collections.Frozen;

namespace NewsIngest.Parser.Extraction;

/// <summary>Tag families the tree builder and the extractor reason about.</summary>
internal static class HtmlTags
{
    private static readonly FrozenSet<string> Known = new[]
    {
        "a", "abbr", "address", "area", "article", "aside", "audio", "b", "base", "bdi", "bdo", "blockquote", "body", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "data", "dd", "del", "details", "dfn",
        "dialog", "div", "dl", "dt", "em", "embed", "fieldset", "figcaption", "figure", "font", "footer", "form", "h1", "h2",
        "h3", "h4", "h5", "h6", "head", "header", "hgroup", "hr", "html", "i", "iframe", "img", "input", "ins", "kbd",
        "label", "legend", "li", "link", "main", "map", "mark", "math", "menu", "meta", "meter", "nav", "noscript", "object",
        "ol", "optgroup", "option", "output", "p", "param", "picture", "pre", "progress", "q", "s", "samp", "script",
        "section", "select", "small", "source", "span", "strike", "strong", "style", "sub", "summary", "sup", "svg", "table",
        "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "time", "title", "tr", "track", "u", "ul", "var",
        "video", "wbr", "xmp", "iframe", "noembed", "noframes", "plaintext", "marquee", "applet", "big", "tt", "nobr",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> Void = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
    }.ToFrozenSet();

    /// <summary>Elements whose content is not markup; the builder keeps it only where it is needed.</summary>
    private static readonly FrozenSet<string> RawText = new[]
    {
        "script", "style", "textarea", "title", "noscript", "iframe", "noembed", "noframes", "xmp", "svg", "math",
        "template",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> ClosesParagraph = new[]
    {
        "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "fieldset",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "main",
        "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "ul", "li", "dd", "dt", "plaintext",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> ScopeBoundary = new[]
    {
        "html", "table", "td", "th", "caption", "marquee", "object", "applet", "template", "button",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> Block = new[]
    {
        "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog", "div", "dl", "dt",
        "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr",
        "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul", "caption", "html", "select", "option", "img", "iframe", "video", "audio", "picture",
    }.ToFrozenSet();

    private static readonly FrozenSet<string> Headings = new[] { "h1", "h2", "h3", "h4", "h5", "h6" }.ToFrozenSet();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KnownLookup =
        Known.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The lower-case tag name, sharing one string instance for known tags.</summary>
    public static string Intern(ReadOnlySpan<char> name)
    {
        Span<char> lower = stackalloc char[Math.Min(name.Length, 64)];
        if (name.Length > 64)
        {
            return name.ToString().ToLowerInvariant();
        }

        name.ToLowerInvariant(lower);
        return KnownLookup.TryGetValue(lower, out var known) ? known : lower.ToString();
    }

    public static bool IsVoid(string tag) => Void.Contains(tag);

    public static bool IsRawText(string tag) => RawText.Contains(tag);

    public static bool ClosesOpenParagraph(string tag) => ClosesParagraph.Contains(tag);

    public static bool IsScopeBoundary(string tag) => ScopeBoundary.Contains(tag);

    public static bool IsBlock(string tag) => Block.Contains(tag);

    public static bool IsHeading(string tag) => Headings.Contains(tag);
}
