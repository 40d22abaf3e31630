using System.Collections.Frozen;
using System.Text;

namespace NewsIngest.Text.Html;

/// <summary>
/// The text blocks of an HTML fragment such as a feed entry's content, in one linear pass over
/// <see cref="HtmlTokenizer"/> tokens and without building a tree: block elements and line breaks end a block;
/// scripts, styles, forms and other non-content elements are dropped with their content. Input beyond
/// <see cref="MaxInputLength"/> characters is ignored, so the work per fragment is bounded too.
/// </summary>
public static class HtmlToText
{
    /// <summary>Characters of markup read at most (16 Mi).</summary>
    public const int MaxInputLength = 16 * 1024 * 1024;

    private static readonly FrozenSet<string> BlockElements = new[]
    {
        "p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
        "tr", "table", "section", "article", "header", "footer", "figure", "figcaption", "dd", "dt", "hr",
    }.ToFrozenSet();

    /// <summary>Elements left out with everything inside them (raw-text ones never yield text anyway).</summary>
    private static readonly FrozenSet<string> Dropped = new[]
    {
        "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "math", "form", "button", "select", "textarea", "title",
    }.ToFrozenSet();

    /// <summary>The text of each block, entities decoded, whitespace as found (the caller normalises and drops empty ones).</summary>
    public static List<string> Blocks(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        var tokens = new HtmlTokenizer(html.Length > MaxInputLength ? html[..MaxInputLength] : html);
        var blocks = new List<string>();
        var current = new StringBuilder();
        string? dropping = null;
        var dropDepth = 0;
        while (tokens.Next())
        {
            switch (tokens.Kind)
            {
                case HtmlTokenKind.StartTag when dropping is not null:
                    dropDepth += tokens.Name == dropping && !tokens.RawTextFollows ? 1 : 0;
                    break;
                case HtmlTokenKind.EndTag when dropping is not null:
                    if (tokens.Name == dropping && --dropDepth == 0)
                    {
                        dropping = null;
                    }

                    break;
                case HtmlTokenKind.StartTag when Dropped.Contains(tokens.Name):
                    if (!tokens.RawTextFollows && !tokens.SelfClosing && tokens.Name != "embed")
                    {
                        (dropping, dropDepth) = (tokens.Name, 1);
                    }

                    break;
                case HtmlTokenKind.StartTag or HtmlTokenKind.EndTag when BlockElements.Contains(tokens.Name):
                    Flush(blocks, current);
                    break;
                case HtmlTokenKind.Text when dropping is null:
                    current.Append(HtmlTokenizer.Decode(tokens.Span));
                    break;
                case HtmlTokenKind.LessThan when dropping is null:
                    current.Append('<');
                    break;
                default:
                    break;
            }
        }

        Flush(blocks, current);
        return blocks;
    }

    private static void Flush(List<string> blocks, StringBuilder current)
    {
        if (current.Length > 0)
        {
            blocks.Add(current.ToString());
            current.Clear();
        }
    }
}
