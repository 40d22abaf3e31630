using System.Collections.Frozen;
using NewsIngest.Text.Html;

namespace NewsIngest.Parser.Extraction;

/// <summary>Tag families the tree builder and the extractor reason about.</summary>
internal static class HtmlTags
{
    private static readonly FrozenSet<string> Void = new[]
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "keygen", "basefont", "bgsound", "frame",
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

    public static bool IsVoid(string tag) => Void.Contains(tag);

    public static bool IsRawText(string tag) => HtmlTokenizer.IsRawText(tag);

    public static bool ClosesOpenParagraph(string tag) => ClosesParagraph.Contains(tag);

    public static bool IsScopeBoundary(string tag) => ScopeBoundary.Contains(tag);

    public static bool IsBlock(string tag) => Block.Contains(tag);

    public static bool IsHeading(string tag) => Headings.Contains(tag);
}
