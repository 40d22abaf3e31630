using System.Net;
using System.Text;

namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Walks the chosen content element(s) without recursion and cuts them into paragraph-level blocks, leaving out
/// excluded elements and link-heavy or image-only containers (Readability's "clean conditionally").
/// </summary>
internal sealed class BlockCollector
{
    private readonly List<ContentBlock> _blocks = [];
    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();
    private int _linkChars;
    private int _linkDepth;
    private int _quoteDepth;
    private bool _afterBreak;
    private readonly Uri? _baseUrl;

    private BlockCollector(Uri? baseUrl) => _baseUrl = baseUrl is { IsAbsoluteUri: true } ? baseUrl : null;

    /// <param name="roots">The content elements, in document order.</param>
    /// <param name="baseUrl">The page address, to make relative links absolute.</param>
    public static List<ContentBlock> Collect(IEnumerable<HtmlNode> roots, Uri? baseUrl)
    {
        var collector = new BlockCollector(baseUrl);
        foreach (var root in roots)
        {
            collector.Walk(root);
        }

        return collector._blocks;
    }

    private void Walk(HtmlNode root)
    {
        // Each frame: a node, and whether its children were already pushed (then this is its exit).
        var stack = new Stack<(HtmlNode Node, bool Exit)>();
        stack.Push((root, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (exit)
            {
                Leave(node);
                continue;
            }

            if (node.IsText)
            {
                AppendText(node.Text!);
                continue;
            }

            if (node != root && Skip(node))
            {
                continue;
            }

            Enter(node);
            stack.Push((node, true));
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Children[i], false));
            }
        }

        Flush("p", null);
    }

    private static bool Skip(HtmlNode e)
    {
        if (e.Excluded || BoilerplateHints.IsNonContentTag(e.Tag))
        {
            return true;
        }

        if (e.Tag is "img" or "picture" or "br" or "hr" or "wbr")
        {
            return false;
        }

        if (e.Tag is "form" or "fieldset")
        {
            // Some sites wrap the whole page in a form; a real form holds no run of paragraphs.
            return e.ParagraphCount < 2 || IsLinkHeavy(e);
        }

        if (e.Tag is "div" or "section" or "ul" or "ol" or "table" or "figure" or "dl")
        {
            return IsLinkHeavy(e) || (e.TextLength == 0);
        }

        return e.TextLength == 0;
    }

    private static bool IsLinkHeavy(HtmlNode e)
    {
        var density = ContentScorer.LinkDensity(e);
        if (e.Commas >= 10)
        {
            return false;
        }

        return e.TextLength < 200 ? density > 0.5 && e.ParagraphCount == 0 : density > 0.6;
    }

    /// <summary>A row of a data table: mostly text that is not linked, every cell inline (a layout row's cells hold
    /// paragraphs, tables or boxes).</summary>
    private static bool IsDataRow(HtmlNode row) =>
        row.TextLength > 0 && ContentScorer.LinkDensity(row) < 0.5 &&
        row.Children.All(c => c.Tag is not ("td" or "th") || c.Excluded || ContentScorer.HoldsOnlyInline(c));

    private void Enter(HtmlNode e)
    {
        if (e.Tag == "br")
        {
            // Two line breaks in a row separate paragraphs in pages written without <p>; the block stays one
            // for filtering and is split when the paragraphs are listed.
            if (_afterBreak)
            {
                _text.Append(ContentBlock.LineBreak);
                _html.Append("<br>");
                _afterBreak = false;
                return;
            }

            _afterBreak = true;
            _text.Append(' ');
            _html.Append("<br>");
            return;
        }

        if (HtmlTags.IsBlock(e.Tag) || e.Tag is "figcaption")
        {
            Flush("p", null);
            if (e.Tag == "blockquote")
            {
                _quoteDepth++;
            }

            return;
        }

        switch (e.Tag)
        {
            case "a":
                _linkDepth++;
                var href = ResolveLink(e.Attr("href"));
                if (href is not null)
                {
                    _html.Append("<a href=\"").Append(WebUtility.HtmlEncode(href)).Append("\">");
                }
                else
                {
                    _html.Append("<a>");
                }

                break;
            case "em" or "i" or "strong" or "b" or "code" or "sub" or "sup":
                _html.Append('<').Append(e.Tag).Append('>');
                break;
            default:
                break;
        }
    }

    private void Leave(HtmlNode e)
    {
        if (HtmlTags.IsBlock(e.Tag) || e.Tag is "figcaption")
        {
            var kind = e.Tag switch
            {
                "h1" => "h2",
                "h2" or "h3" or "h4" or "h5" or "h6" or "li" or "blockquote" or "pre" or "figcaption" => e.Tag,
                "dt" or "dd" => "li",
                _ => _quoteDepth > 0 ? "blockquote" : "p",
            };

            // A linked cell of a data table (a film's title beside its year and plot) is part of the table's content.
            if (e.Tag is "td" or "th" && e.Parent is { Tag: "tr" } row && IsDataRow(row))
            {
                _linkChars = 0;
            }

            Flush(kind, kind == "li" ? e.Parent?.Tag : null);
            if (e.Tag == "blockquote")
            {
                _quoteDepth--;
            }

            return;
        }

        switch (e.Tag)
        {
            case "a":
                _linkDepth--;
                _html.Append("</a>");
                break;
            case "em" or "i" or "strong" or "b" or "code" or "sub" or "sup":
                _html.Append("</").Append(e.Tag).Append('>');
                break;
            default:
                break;
        }
    }

    private string? ResolveLink(string? href)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.AbsoluteUri;
        }

        if (_baseUrl is not null && !href.StartsWith('#') && Uri.TryCreate(_baseUrl, href, out var resolved) && resolved.Scheme is "http" or "https")
        {
            return resolved.AbsoluteUri;
        }

        return null;
    }

    private void AppendText(string text)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            _afterBreak = false;
        }

        _text.Append(text);
        _html.Append(WebUtility.HtmlEncode(text));
        if (_linkDepth > 0)
        {
            _linkChars += text.Trim().Length;
        }
    }

    private void Flush(string kind, string? listTag)
    {
        var text = TextNormalizer.Normalize(_text.ToString());
        if (text.Length > 0)
        {
            _blocks.Add(new ContentBlock(kind, text, _html.ToString().Trim(), Math.Min(_linkChars, text.Length), listTag is "ol" ? "ol" : "ul"));
        }

        _text.Clear();
        _html.Clear();
        _linkChars = 0;
        _afterBreak = false;
    }
}
