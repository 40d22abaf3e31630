using NewsIngest.Parser.Extraction;
using NewsIngest.Text.Html;

namespace NewsIngest.Parser.Html;

/// <summary>
/// Text paragraphs of an HTML fragment such as a feed entry's content, through the shared linear-time
/// <see cref="HtmlToText"/>: block elements and line breaks end a paragraph; scripts, styles and other non-content
/// elements are dropped; each paragraph is normalised and empty ones are left out.
/// </summary>
public static class HtmlFragmentText
{
    public static IReadOnlyList<string> Paragraphs(string html) =>
        [.. HtmlToText.Blocks(html).Select(TextNormalizer.Normalize).Where(paragraph => paragraph.Length > 0)];
}
