using System.Text;
using NewsIngest.Text.Html;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Normalises an HTML fragment from a feed: relative links become absolute against the element's base, scripts,
/// styles and event handlers are removed, unknown elements are unwrapped (their text kept), void elements are
/// written as &lt;br /&gt;, attributes are re-quoted; declarations and processing instructions are dropped, comments kept.
/// One linear pass over the shared <see cref="HtmlTokenizer"/>: a tag cut off by the end of the input ends the markup
/// (the rest is escaped text), at most <see cref="FeedLimits.MaxItemHtmlChars"/> characters are read, and at most <see cref="MaxDepth"/> elements are open in the output.
/// </summary>
internal static class HtmlFragment
{
    private static readonly HashSet<string> Acceptable =
    [
        "a", "abbr", "acronym", "address", "area", "article", "aside", "audio", "b", "big", "blockquote", "br",
        "button", "canvas", "caption", "center", "cite", "code", "col", "colgroup", "command", "datagrid",
        "datalist", "dd", "del", "details", "dfn", "dialog", "dir", "div", "dl", "dt", "em", "event-source",
        "fieldset", "figcaption", "figure", "footer", "font", "form", "header", "h1", "h2", "h3", "h4", "h5", "h6",
        "hr", "i", "img", "input", "ins", "keygen", "kbd", "label", "legend", "li", "m", "map", "menu", "meter",
        "multicol", "nav", "nextid", "ol", "output", "optgroup", "option", "p", "pre", "progress", "q", "s",
        "samp", "section", "select", "small", "sound", "source", "spacer", "span", "strike", "strong", "sub",
        "sup", "table", "tbody", "td", "textarea", "time", "tfoot", "th", "thead", "tr", "tt", "u", "ul", "var",
        "video", "noscript", "picture", "mark", "main", "summary", "wbr", "bdi", "bdo", "data", "ruby", "rt", "rp",
        "track", "caption",
    ];

    private static readonly HashSet<string> DroppedWithContent = ["script", "style", "applet"];

    private static readonly HashSet<string> Void =
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr"];

    private static readonly HashSet<string> UriAttributes =
        ["href", "src", "cite", "action", "background", "codebase", "longdesc", "usemap", "poster", "data", "profile", "classid"];

    /// <summary>Deepest nesting of elements written; deeper elements are unwrapped (their text kept).</summary>
    public const int MaxDepth = FeedLimits.MaxDepth;

    public static bool IsAcceptableElement(string name) => Acceptable.Contains(name);

    public static string Clean(string html, string? baseUri)
    {
        if (html.Length > FeedLimits.MaxItemHtmlChars)
        {
            html = html[..FeedLimits.MaxItemHtmlChars];
        }

        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        var sb = new StringBuilder(html.Length + 16);
        var tokens = new HtmlTokenizer(html, static value => EntityDecoder.Decode(value), static name => name is "script" or "style", reportDeclarations: true);
        string? dropping = null;
        var dropDepth = 0;
        var open = 0;
        var unwrapped = 0;
        while (tokens.Next())
        {
            switch (tokens.Kind)
            {
                case HtmlTokenKind.Text when dropping is null:
                    sb.Append(tokens.Span);
                    break;
                case HtmlTokenKind.Comment when dropping is null:
                    sb.Append(tokens.Span);
                    break;
                case HtmlTokenKind.Declaration when dropping is null:
                    // A '<!' that opens nothing is escaped; a document type cut off by the end stays as it is.
                    _ = tokens.Span.Length == 1 ? sb.Append("&lt;") : sb.Append(tokens.Span);
                    break;
                case HtmlTokenKind.LessThan when dropping is null:
                    sb.Append('<'); // "1 < 2": a '<' that starts no markup is plain text
                    break;
                case HtmlTokenKind.StartTag or HtmlTokenKind.EndTag when !tokens.Closed:
                    // Cut off by the end of the input: what is left is text, not markup.
                    sb.Append(HtmlText.Escape(html[tokens.SpanStart..]));
                    return sb.ToString();
                case HtmlTokenKind.StartTag when dropping is not null:
                    dropDepth += tokens.Name == dropping ? 1 : 0;
                    break;
                case HtmlTokenKind.EndTag when dropping is not null:
                    if (tokens.Name == dropping && --dropDepth == 0)
                    {
                        dropping = null;
                    }

                    break;
                case HtmlTokenKind.StartTag when DroppedWithContent.Contains(tokens.Name):
                    if (!tokens.RawTextFollows && !tokens.SelfClosing)
                    {
                        (dropping, dropDepth) = (tokens.Name, 1);
                    }

                    break;
                case HtmlTokenKind.StartTag when Acceptable.Contains(tokens.Name):
                    if (Void.Contains(tokens.Name))
                    {
                        WriteStartTag(sb, tokens, baseUri);
                    }
                    else if (open >= MaxDepth)
                    {
                        unwrapped++;
                    }
                    else
                    {
                        open++;
                        WriteStartTag(sb, tokens, baseUri);
                    }

                    break;
                case HtmlTokenKind.EndTag when Acceptable.Contains(tokens.Name) && !Void.Contains(tokens.Name):
                    if (unwrapped > 0)
                    {
                        unwrapped--;
                    }
                    else
                    {
                        open = Math.Max(0, open - 1);
                        sb.Append("</").Append(tokens.Name).Append('>');
                    }

                    break;
                default:
                    break; // unknown elements are unwrapped; raw text of scripts and styles is dropped
            }
        }

        return sb.ToString();
    }

    private static void WriteStartTag(StringBuilder sb, HtmlTokenizer tokens, string? baseUri)
    {
        sb.Append('<').Append(tokens.Name);
        foreach (var (attribute, rawValue) in tokens.Attributes)
        {
            if (attribute.StartsWith("on", StringComparison.Ordinal) || attribute is "style" || attribute.Contains(':', StringComparison.Ordinal))
            {
                continue;
            }

            var value = rawValue;
            if (UriAttributes.Contains(attribute))
            {
                var trimmed = value.Trim();
                if (UriResolver.HasScheme(trimmed) && !UriResolver.IsSafeScheme(trimmed[..trimmed.IndexOf(':', StringComparison.Ordinal)].ToLowerInvariant()))
                {
                    continue;
                }

                value = UriResolver.Resolve(baseUri, trimmed);
            }

            sb.Append(' ').Append(attribute).Append("=\"").Append(HtmlText.EscapeAttribute(value)).Append('"');
        }

        sb.Append(Void.Contains(tokens.Name) ? " />" : ">");
    }
}
