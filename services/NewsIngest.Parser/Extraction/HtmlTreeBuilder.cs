using System.Globalization;
using System.Net;
using NewsIngest.Text.Html;

namespace NewsIngest.Parser.Extraction;

/// <summary>
/// A forgiving, single-pass tree builder over the shared <see cref="HtmlTokenizer"/> (the one tokenizer of feed
/// entries and pages). It follows the HTML parsing rules that matter for
/// text extraction (void elements, raw-text elements, implied end tags of p/li/dd/dt/tr/td/option/headings) and
/// skips the rest. Everything is iterative; the tree is at most <see cref="MaxDepth"/> levels deep (deeper elements
/// are folded into the deepest allowed one), and scope searches are bounded, so hostile input stays linear. The tree
/// holds at most <see cref="MaxNodes"/> nodes: the markup after that is not read (<see cref="HtmlDocument.Truncation"/>
/// says so), so a page cannot make the tree's memory grow with its size (<c>&lt;p&gt;&lt;li&gt;</c> opens two
/// elements every 7 characters: 4 MB of it built 1.2 million nodes, several hundred MB).
/// </summary>
internal static class HtmlTreeBuilder
{
    public const int MaxDepth = 512;

    /// <summary>Open elements remembered beyond <see cref="MaxDepth"/> for their end tags; deeper ones are dropped.</summary>
    public const int MaxOpenElements = 8 * MaxDepth;

    /// <summary>Characters of markup read at most (the rest of a larger page is ignored).</summary>
    public const int MaxInputLength = HtmlToText.MaxInputLength;

    /// <summary>Nodes (elements and text runs) the tree holds at most, about 50 MB of tree: the largest dev-set pages
    /// (1.6 MB of HTML) build under 30,000, a long article under 10,000.</summary>
    public const int MaxNodes = 250_000;
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
        var tokens = new HtmlTokenizer(html.Length > MaxInputLength ? html[..MaxInputLength] : html);
        if (html.Length > MaxInputLength)
        {
            doc.Truncation = string.Create(CultureInfo.InvariantCulture, $"the page has {html.Length:N0} characters; only the first {MaxInputLength:N0} were read");
        }

        while (tokens.Next())
        {
            if (doc.NodeCount >= MaxNodes)
            {
                doc.Truncation = string.Create(CultureInfo.InvariantCulture, $"the page's tree reached {MaxNodes:N0} nodes at character {tokens.SpanStart:N0} of {html.Length:N0}; the rest was not read");
                break;
            }

            switch (tokens.Kind)
            {
                case HtmlTokenKind.Text or HtmlTokenKind.LessThan:
                    AddText(tokens.Span, stack, doc);
                    break;
                case HtmlTokenKind.StartTag:
                    StartTag(tokens, stack, doc);
                    break;
                case HtmlTokenKind.EndTag:
                    EndTag(tokens.Name, stack, doc);
                    break;
                default:
                    break; // comments; raw text not claimed by its start tag
            }
        }

        return doc;
    }

    private static void AddText(ReadOnlySpan<char> span, OpenElementStack stack, HtmlDocument doc)
    {
        var parent = stack.Top.Node;
        if (span.IsWhiteSpace())
        {
            if (parent.Children.Count > 0 && !(parent.Children[^1].Text is Space))
            {
                Append(new HtmlNode(Space, parent), stack, doc);
            }

            return;
        }

        Append(new HtmlNode(HtmlTokenizer.Decode(span), parent), stack, doc);
    }

    private static void EndTag(string tag, OpenElementStack stack, HtmlDocument doc)
    {
        if (tag is "html" or "body" or "head")
        {
            return;
        }

        if (tag == "br")
        {
            Append(new HtmlNode("br", stack.Top.Node, null), stack, doc);
            return;
        }

        if (!stack.IsOpen(tag))
        {
            return;
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
    }

    private static void StartTag(HtmlTokenizer tokens, OpenElementStack stack, HtmlDocument doc)
    {
        var tag = tokens.Name;
        var attributes = tokens.Attributes.Count == 0 ? null : tokens.Attributes.ToArray();
        if (tag is "html" or "body" or "head")
        {
            if (tag == "html" && doc.HtmlLang is null && attributes is not null)
            {
                doc.HtmlLang = Array.Find(attributes, a => a.Key is "lang" or "xml:lang").Value;
            }

            return;
        }

        CloseImplied(tag, stack);
        var parent = stack.Top.Node;
        var node = new HtmlNode(tag, parent, attributes);

        if (HtmlTags.IsRawText(tag))
        {
            if (tokens.RawTextFollows && tokens.Next())
            {
                ReadRawText(tokens.Span, node, tag, stack, doc);
            }

            return;
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
            Append(node, stack, doc);
            return;
        }

        if (stack.Count >= MaxDepth)
        {
            // Too deep: the element's content flows into the deepest kept element, its end tag still pops. Past
            // MaxOpenElements open ones (only a hostile page nests that deep) it is not even remembered, so the stack
            // stays bounded: 8 MB of unclosed <b><i> held 2.8 million entries and cost more per MB than 1 MB.
            if (stack.Count < MaxOpenElements)
            {
                stack.Push(tag, parent);
            }

            return;
        }

        Append(node, stack, doc);
        doc.Elements.Add(node);
        stack.Push(tag, node);
    }

    private static void ReadRawText(ReadOnlySpan<char> content, HtmlNode node, string tag, OpenElementStack stack, HtmlDocument doc)
    {
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
                Append(node, stack, doc);
                break;
            default:
                break;
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

    private static void Append(HtmlNode node, OpenElementStack stack, HtmlDocument doc)
    {
        stack.Top.Node.Children.Add(node);
        doc.NodeCount++;
    }
}
