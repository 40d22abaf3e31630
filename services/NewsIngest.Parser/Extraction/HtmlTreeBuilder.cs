using System.Net;

namespace NewsIngest.Parser.Extraction;

/// <summary>
/// A forgiving, single-pass HTML tokenizer and tree builder. It follows the HTML parsing rules that matter for
/// text extraction (void elements, raw-text elements, implied end tags of p/li/dd/dt/tr/td/option/headings) and
/// skips the rest. Everything is iterative; the tree is at most <see cref="MaxDepth"/> levels deep (deeper elements
/// are folded into the deepest allowed one), and scope searches are bounded, so hostile input stays linear.
/// </summary>
internal static class HtmlTreeBuilder
{
    public const int MaxDepth = 512;
    private const int ScopeSearchLimit = 48;
    private const int EndTagSearchLimit = 1024;
    private const string Space = " ";

    public static HtmlDocument Parse(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var root = new HtmlNode("#document", null, null);
        var doc = new HtmlDocument(root);
        var stack = new OpenElementStack();
        stack.Push("#document", root);
        var pos = 0;
        var length = html.Length;

        while (pos < length)
        {
            var lt = html.IndexOf('<', pos);
            if (lt < 0)
            {
                AddText(html, pos, length, stack);
                break;
            }

            if (lt > pos)
            {
                AddText(html, pos, lt, stack);
            }

            pos = lt;
            if (lt + 1 >= length)
            {
                AddText(html, lt, length, stack);
                break;
            }

            var next = html[lt + 1];
            if (next == '!')
            {
                pos = SkipMarkupDeclaration(html, lt);
            }
            else if (next == '?')
            {
                pos = SkipPast(html, lt + 2, '>');
            }
            else if (next == '/')
            {
                pos = ReadEndTag(html, lt, stack);
            }
            else if (char.IsAsciiLetter(next))
            {
                pos = ReadStartTag(html, lt, stack, doc);
            }
            else
            {
                AddText(html, lt, lt + 1, stack);
                pos = lt + 1;
            }
        }

        return doc;
    }

    private static int SkipMarkupDeclaration(string html, int lt)
    {
        if (string.CompareOrdinal(html, lt, "<!--", 0, 4) == 0)
        {
            var end = html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        if (string.CompareOrdinal(html, lt, "<![CDATA[", 0, 9) == 0)
        {
            var end = html.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
            return end < 0 ? html.Length : end + 3;
        }

        return SkipPast(html, lt + 2, '>');
    }

    private static int SkipPast(string html, int from, char c)
    {
        var end = html.IndexOf(c, from);
        return end < 0 ? html.Length : end + 1;
    }

    private static void AddText(string html, int start, int end, OpenElementStack stack)
    {
        var span = html.AsSpan(start, end - start);
        var parent = stack.Top.Node;
        if (span.IsWhiteSpace())
        {
            if (parent.Children.Count > 0 && !(parent.Children[^1].Text is Space))
            {
                parent.Children.Add(new HtmlNode(Space, parent));
            }

            return;
        }

        var text = span.Contains('&') ? WebUtility.HtmlDecode(span.ToString()) : span.ToString();
        parent.Children.Add(new HtmlNode(text, parent));
    }

    private static int ReadEndTag(string html, int lt, OpenElementStack stack)
    {
        var nameStart = lt + 2;
        var i = nameStart;
        while (i < html.Length && IsNameChar(html[i]))
        {
            i++;
        }

        var close = SkipPast(html, i, '>');
        if (i == nameStart)
        {
            return close;
        }

        var tag = HtmlTags.Intern(html.AsSpan(nameStart, i - nameStart));
        if (tag is "html" or "body" or "head")
        {
            return close;
        }

        if (tag == "br")
        {
            Append(new HtmlNode("br", stack.Top.Node, null), stack);
            return close;
        }

        if (!stack.IsOpen(tag))
        {
            return close;
        }

        var limit = Math.Max(1, stack.Count - EndTagSearchLimit);
        for (var k = stack.Count - 1; k >= limit; k--)
        {
            if (ReferenceEquals(stack[k].Tag, tag) || stack[k].Tag == tag)
            {
                stack.PopFrom(k);
                break;
            }

            if (tag is "p" or "li" && HtmlTags.IsScopeBoundary(stack[k].Tag))
            {
                break;
            }
        }

        return close;
    }

    private static int ReadStartTag(string html, int lt, OpenElementStack stack, HtmlDocument doc)
    {
        var nameStart = lt + 1;
        var i = nameStart;
        while (i < html.Length && IsNameChar(html[i]))
        {
            i++;
        }

        var tag = HtmlTags.Intern(html.AsSpan(nameStart, i - nameStart));
        List<KeyValuePair<string, string>>? attributes = null;
        var selfClosing = false;

        // Attributes.
        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                if (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>')
                {
                    selfClosing = true;
                }

                i++;
            }

            if (i >= html.Length || html[i] == '>')
            {
                break;
            }

            var attrStart = i;
            while (i < html.Length && html[i] != '=' && html[i] != '>' && !char.IsWhiteSpace(html[i]) &&
                   !(html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>'))
            {
                i++;
            }

            var name = html.AsSpan(attrStart, Math.Max(1, i - attrStart)).ToString().ToLowerInvariant();
            if (i == attrStart)
            {
                i++;
                continue;
            }

            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = string.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var quote = html[i];
                    var end = html.IndexOf(quote, i + 1);
                    if (end < 0)
                    {
                        end = html.Length;
                    }

                    value = Decode(html.AsSpan(i + 1, end - i - 1));
                    i = Math.Min(html.Length, end + 1);
                }
                else
                {
                    var start = i;
                    while (i < html.Length && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }

                    value = Decode(html.AsSpan(start, i - start));
                }
            }

            attributes ??= new List<KeyValuePair<string, string>>(4);
            if (attributes.Count < 64)
            {
                attributes.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        var pos = Math.Min(html.Length, i + 1);
        if (tag is "html" or "body" or "head")
        {
            if (tag == "html" && doc.HtmlLang is null && attributes is not null)
            {
                doc.HtmlLang = attributes.FirstOrDefault(a => a.Key is "lang" or "xml:lang").Value;
            }

            return pos;
        }

        CloseImplied(tag, stack);
        var parent = stack.Top.Node;
        var node = new HtmlNode(tag, parent, attributes);

        if (HtmlTags.IsRawText(tag))
        {
            return ReadRawText(html, pos, node, tag, stack, doc, selfClosing);
        }

        if (tag == "meta")
        {
            doc.Metas.Add(node);
        }
        else if (tag == "link")
        {
            doc.Links.Add(node);
        }

        if (HtmlTags.IsVoid(tag))
        {
            Append(node, stack);
            return pos;
        }

        if (stack.Count >= MaxDepth)
        {
            // Too deep: the element's content flows into the deepest kept element, its end tag still pops.
            stack.Push(tag, parent);
            return pos;
        }

        Append(node, stack);
        doc.Elements.Add(node);
        stack.Push(tag, node);
        return pos;
    }

    private static int ReadRawText(
        string html, int pos, HtmlNode node, string tag, OpenElementStack stack, HtmlDocument doc, bool selfClosing)
    {
        if (selfClosing && tag is "svg" or "math" or "script" or "iframe")
        {
            return pos;
        }

        var end = FindRawEnd(html, pos, tag);
        var content = html.AsSpan(pos, end - pos);
        switch (tag)
        {
            case "script":
                var type = node.Attr("type");
                if (type is not null && type.Contains("ld+json", StringComparison.OrdinalIgnoreCase))
                {
                    doc.JsonLd.Add(content.ToString());
                }

                break;
            case "title":
                if (doc.Title is null)
                {
                    doc.Title = TextNormalizer.Normalize(WebUtility.HtmlDecode(content.ToString()));
                }

                break;
            case "svg" or "math" or "iframe" or "noscript" or "template":
                // Kept as empty markers: the extractor treats them as non-text.
                Append(node, stack);
                break;
            default:
                break;
        }

        var close = end >= html.Length ? html.Length : SkipPast(html, end + 2, '>');
        return close;
    }

    private static int FindRawEnd(string html, int from, string tag)
    {
        var i = from;
        while (true)
        {
            var idx = html.IndexOf("</", i, StringComparison.Ordinal);
            if (idx < 0)
            {
                return html.Length;
            }

            var nameStart = idx + 2;
            if (nameStart + tag.Length <= html.Length &&
                html.AsSpan(nameStart, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase) &&
                (nameStart + tag.Length == html.Length || !IsNameChar(html[nameStart + tag.Length])))
            {
                return idx;
            }

            i = idx + 2;
        }
    }

    private static void CloseImplied(string tag, OpenElementStack stack)
    {
        if (HtmlTags.ClosesOpenParagraph(tag))
        {
            CloseInScope(stack, "p", null);
        }

        switch (tag)
        {
            case "li":
                CloseInScope(stack, "li", static t => t is "ul" or "ol" or "menu");
                break;
            case "dd" or "dt":
                CloseInScope(stack, "dd", static t => t == "dl");
                CloseInScope(stack, "dt", static t => t == "dl");
                break;
            case "h1" or "h2" or "h3" or "h4" or "h5" or "h6":
                if (HtmlTags.IsHeading(stack.Top.Tag))
                {
                    stack.Pop();
                }

                break;
            case "tr":
                CloseInScope(stack, "tr", static t => t is "table" or "tbody" or "thead" or "tfoot");
                break;
            case "td" or "th":
                CloseInScope(stack, "td", static t => t is "tr" or "table");
                CloseInScope(stack, "th", static t => t is "tr" or "table");
                break;
            case "tbody" or "thead" or "tfoot":
                CloseInScope(stack, "tbody", static t => t == "table");
                CloseInScope(stack, "thead", static t => t == "table");
                CloseInScope(stack, "tfoot", static t => t == "table");
                break;
            case "option" or "optgroup":
                if (stack.Top.Tag == "option")
                {
                    stack.Pop();
                }

                break;
            case "a":
                CloseInScope(stack, "a", null);
                break;
            default:
                break;
        }
    }

    private static void CloseInScope(OpenElementStack stack, string target, Func<string, bool>? boundary)
    {
        if (!stack.IsOpen(target))
        {
            return;
        }

        var limit = Math.Max(1, stack.Count - ScopeSearchLimit);
        for (var k = stack.Count - 1; k >= limit; k--)
        {
            var t = stack[k].Tag;
            if (t == target)
            {
                stack.PopFrom(k);
                return;
            }

            if (HtmlTags.IsScopeBoundary(t) || (boundary is not null && boundary(t)))
            {
                return;
            }
        }
    }

    private static void Append(HtmlNode node, OpenElementStack stack) => stack.Top.Node.Children.Add(node);

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.';

    private static string Decode(ReadOnlySpan<char> value) =>
        value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();
}
