using System.Text;
using AngleSharp;
using AngleSharp.Html.Parser;
using Ganss.Xss;

namespace NewsIngest.Parser.Extraction;

/// <summary>Writes the article blocks as HTML (lists regrouped) and passes the result through HtmlSanitizer,
/// allowing only text structure, emphasis and http(s) links.</summary>
internal static class BodyHtmlWriter
{
    /// <summary>One sanitizer and one browsing context per thread: the sanitizer's default builds a new context for
    /// every call, which costs more than the sanitising itself, and a context is not meant to be shared by threads.</summary>
    private static readonly ThreadLocal<HtmlSanitizer> Sanitizers = new(CreateSanitizer);

    /// <summary>HtmlSanitizer slows down more than linearly on very large documents, so the body is sanitised in
    /// pieces of about this many characters, cut between blocks.</summary>
    private const int ChunkSize = 32 * 1024;

    public static string Write(IReadOnlyList<ContentBlock> blocks)
    {
        var output = new StringBuilder();
        var sb = new StringBuilder();
        string? openList = null;
        foreach (var block in blocks)
        {
            if (block.Kind == "li")
            {
                var listTag = block.ListTag ?? "ul";
                if (openList != listTag)
                {
                    CloseList(sb, ref openList);
                    sb.Append('<').Append(listTag).Append('>');
                    openList = listTag;
                }

                sb.Append("<li>").Append(block.InlineHtml).Append("</li>");
                if (sb.Length > ChunkSize)
                {
                    // A huge list is cut too: closed here, reopened in the next piece.
                    CloseList(sb, ref openList);
                    output.Append(Sanitizers.Value!.Sanitize(sb.ToString()));
                    sb.Clear();
                }

                continue;
            }

            CloseList(sb, ref openList);
            if (sb.Length > ChunkSize)
            {
                output.Append(Sanitizers.Value!.Sanitize(sb.ToString()));
                sb.Clear();
            }

            sb.Append('<').Append(block.Kind).Append('>').Append(block.InlineHtml).Append("</").Append(block.Kind).Append(">\n");
        }

        CloseList(sb, ref openList);
        output.Append(Sanitizers.Value!.Sanitize(sb.ToString()));
        return output.ToString();
    }

    private static void CloseList(StringBuilder sb, ref string? openList)
    {
        if (openList is not null)
        {
            sb.Append("</").Append(openList).Append(">\n");
            openList = null;
        }
    }

    private static HtmlSanitizer CreateSanitizer()
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(
                ["p", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "pre", "figcaption", "a", "em", "i", "strong", "b", "code", "sub", "sup", "br"],
                StringComparer.OrdinalIgnoreCase),
            AllowedAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
            AllowedSchemes = new HashSet<string>(["http", "https"], StringComparer.OrdinalIgnoreCase),
            UriAttributes = new HashSet<string>(["href"], StringComparer.OrdinalIgnoreCase),
        };
        var context = BrowsingContext.New(Configuration.Default);
        return new HtmlSanitizer(options) { HtmlParserFactory = () => new HtmlParser(new HtmlParserOptions(), context) };
    }
}
