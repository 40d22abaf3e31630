using System.Text;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Normalises an HTML fragment from a feed: relative links become absolute against the element's base, scripts,
/// styles and event handlers are removed, unknown elements are unwrapped (their text kept), void elements are
/// written as &lt;br /&gt;, attributes are re-quoted, and a '&lt;!' that opens no comment or document type is escaped.
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

    /// <summary>Every element and common attribute name we know, looked up by span so known names cost no allocation.</summary>
    private static readonly HashSet<string> KnownNames = new(
        Acceptable.Concat(DroppedWithContent).Concat(Void).Concat(UriAttributes)
            .Concat(["alt", "title", "class", "id", "name", "width", "height", "style", "rel", "target", "type", "lang", "dir", "align", "border", "colspan", "rowspan"]),
        StringComparer.OrdinalIgnoreCase);

    public static bool IsAcceptableElement(string name) => Acceptable.Contains(name);

    public static string Clean(string html, string? baseUri)
    {
        if (!html.Contains('<', StringComparison.Ordinal))
        {
            return html;
        }

        var sb = new StringBuilder(html.Length + 16);
        List<KeyValuePair<string, string>>? attributes = null;
        var p = 0;
        while (p < html.Length)
        {
            var lt = html.IndexOf('<', p);
            if (lt < 0)
            {
                sb.Append(html, p, html.Length - p);
                break;
            }

            sb.Append(html, p, lt - p);
            p = ReadMarkup(html, lt, baseUri, sb, attributes ??= []);
        }

        return sb.ToString();
    }

    /// <summary>Handles the markup starting at <paramref name="lt"/>; returns the position after it.</summary>
    private static int ReadMarkup(string html, int lt, string? baseUri, StringBuilder sb, List<KeyValuePair<string, string>> attributes)
    {
        var next = lt + 1 < html.Length ? html[lt + 1] : '\0';
        if (next == '!')
        {
            if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
            {
                var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                end = end < 0 ? html.Length : end + 3;
                sb.Append(html, lt, end - lt);
                return end;
            }

            if (string.Compare(html, lt + 2, "DOCTYPE", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
            {
                var close = html.IndexOf('>', lt);
                if (close < 0)
                {
                    sb.Append(html, lt, html.Length - lt);
                    return html.Length;
                }

                return close + 1; // a declaration such as <!DOCTYPE html> has no place in a fragment
            }

            sb.Append("&lt;");
            return lt + 1;
        }

        if (next == '?')
        {
            var close = html.IndexOf('>', lt);
            return close < 0 ? html.Length : close + 1;
        }

        if (next == '/' && lt + 2 < html.Length && char.IsAsciiLetter(html[lt + 2]))
        {
            return ReadEndTag(html, lt, sb);
        }

        if (char.IsAsciiLetter(next))
        {
            attributes.Clear();
            return ReadStartTag(html, lt, baseUri, sb, attributes);
        }

        sb.Append('<'); // "1 < 2": a '<' that starts no markup is plain text
        return lt + 1;
    }

    private static int ReadEndTag(string html, int lt, StringBuilder sb)
    {
        var nameEnd = ScanName(html, lt + 2);
        var name = LowerName(html.AsSpan(lt + 2, nameEnd - lt - 2));
        var close = html.IndexOf('>', nameEnd);
        if (close < 0)
        {
            sb.Append('<');
            return lt + 1;
        }

        if (Acceptable.Contains(name) && !Void.Contains(name))
        {
            sb.Append("</").Append(name).Append('>');
        }

        return close + 1;
    }

    private static int ReadStartTag(string html, int lt, string? baseUri, StringBuilder sb, List<KeyValuePair<string, string>> attributes)
    {
        var nameEnd = ScanName(html, lt + 1);
        var name = LowerName(html.AsSpan(lt + 1, nameEnd - lt - 1));
        var p = nameEnd;
        var closed = false;
        while (p < html.Length)
        {
            var c = html[p];
            if (c == '>')
            {
                p++;
                closed = true;
                break;
            }

            if (char.IsWhiteSpace(c) || c == '/')
            {
                p++;
                continue;
            }

            p = ReadAttribute(html, p, attributes);
        }

        if (!closed)
        {
            sb.Append('<');
            return lt + 1;
        }

        if (DroppedWithContent.Contains(name))
        {
            var end = html.IndexOf("</" + name, p, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                return html.Length;
            }

            var close = html.IndexOf('>', end);
            return close < 0 ? html.Length : close + 1;
        }

        if (!Acceptable.Contains(name))
        {
            return p;
        }

        sb.Append('<').Append(name);
        foreach (var (attribute, rawValue) in attributes)
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

        sb.Append(Void.Contains(name) ? " />" : ">");
        return p;
    }

    private static int ReadAttribute(string html, int p, List<KeyValuePair<string, string>> attributes)
    {
        var nameEnd = p;
        while (nameEnd < html.Length && !char.IsWhiteSpace(html[nameEnd]) && html[nameEnd] is not ('=' or '>' or '/'))
        {
            nameEnd++;
        }

        if (nameEnd == p)
        {
            return p + 1;
        }

        var name = LowerName(html.AsSpan(p, nameEnd - p));
        var q = nameEnd;
        while (q < html.Length && char.IsWhiteSpace(html[q]))
        {
            q++;
        }

        if (q >= html.Length || html[q] != '=')
        {
            attributes.Add(new(name, name));
            return nameEnd;
        }

        q++;
        while (q < html.Length && char.IsWhiteSpace(html[q]))
        {
            q++;
        }

        if (q < html.Length && html[q] is '"' or '\'')
        {
            var close = html.IndexOf(html[q], q + 1);
            if (close >= 0)
            {
                attributes.Add(new(name, EntityDecoder.Decode(html.AsSpan(q + 1, close - q - 1))));
                return close + 1;
            }
        }

        var end = q;
        while (end < html.Length && !char.IsWhiteSpace(html[end]) && html[end] != '>')
        {
            end++;
        }

        attributes.Add(new(name, EntityDecoder.Decode(html.AsSpan(q, end - q))));
        return end;
    }

    private static string LowerName(ReadOnlySpan<char> name) =>
        KnownNames.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var known) ? known : name.ToString().ToLowerInvariant();

    private static int ScanName(string html, int p)
    {
        while (p < html.Length && (char.IsAsciiLetterOrDigit(html[p]) || html[p] is '-' or '_' or ':'))
        {
            p++;
        }

        return p;
    }
}
