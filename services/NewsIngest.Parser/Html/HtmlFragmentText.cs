using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using NewsIngest.Parser.Extraction;
using NewsIngest.Parser.Text;

namespace NewsIngest.Parser.Html;

/// <summary>
/// Text paragraphs of an HTML fragment such as a feed entry's content: block elements and line breaks
/// end a paragraph; scripts, styles and other non-content elements are dropped. Walks the tree with an
/// explicit stack, so deep nesting cannot overflow.
/// </summary>
public static class HtmlFragmentText
{
    private static readonly HtmlParser Parser = new(new HtmlParserOptions { IsScripting = false });

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "hr",
    };

    private static readonly HashSet<string> Dropped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form", "button", "select", "textarea",
    };

    public static IReadOnlyList<string> Paragraphs(string html)
    {
        var document = Parser.ParseDocument($"<!DOCTYPE html><html><body>{html}</body></html>");
        var paragraphs = new List<string>();
        var current = new System.Text.StringBuilder();
        var stack = new Stack<(INode Node, bool Exit)>();
        stack.Push((document.Body!, false));
        while (stack.Count > 0)
        {
            var (node, exit) = stack.Pop();
            if (node is IElement element)
            {
                if (Dropped.Contains(element.LocalName))
                {
                    continue;
                }

                if (Blocks.Contains(element.LocalName))
                {
                    Flush(paragraphs, current);
                }

                if (exit)
                {
                    continue;
                }

                stack.Push((node, true));
                for (var child = node.LastChild; child is not null; child = child.PreviousSibling)
                {
                    stack.Push((child, false));
                }
            }
            else if (node is IText text)
            {
                current.Append(text.Data);
            }
        }

        Flush(paragraphs, current);
        return paragraphs;
    }

    private static void Flush(List<string> paragraphs, System.Text.StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        var clean = TextNormalizer.Normalize(current.ToString());
        current.Clear();
        if (clean.Length > 0)
        {
            paragraphs.Add(clean);
        }
    }
}
