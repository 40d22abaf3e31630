namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Extracts an article's metadata and main text from an HTML page. Stateless between calls: thread-safe and
/// meant to be registered as a singleton.
/// </summary>
public sealed partial class ArticleExtractor
{
    /// <summary>Below this many characters of text the strict pass (class/id hints on) is retried without hints.</summary>
    private const int RetryBelow = 250;

    /// <summary>A JSON-LD articleBody shorter than this is too likely a teaser to stand in for the article.</summary>
    private const int MinStructuredBody = 500;

    public ExtractedArticle Extract(string html, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var doc = HtmlTreeBuilder.Parse(html);
        var heading = doc.Elements.FirstOrDefault(e => e.Tag == "h1" && e.Children.Count > 0);
        var meta = MetadataExtractor.Extract(doc, url, heading);

        var blocks = ExtractBlocks(doc, useHints: true, meta.Title, url);
        if (TextLength(blocks) < RetryBelow)
        {
            var relaxed = ExtractBlocks(doc, useHints: false, meta.Title, url);
            if (TextLength(relaxed) > TextLength(blocks))
            {
                blocks = relaxed;
            }
        }

        blocks = PreferStructuredBody(blocks, meta.Body);

        // Captions stay in the HTML body but are not part of the running text.
        var paragraphs = blocks.Where(b => b.Kind != "figcaption").SelectMany(b => b.Paragraphs()).ToList();
        var reason = paragraphs.Count == 0
            ? doc.Elements.Count == 0 ? "The page has no HTML elements." : "No element of the page holds article text (paragraphs of prose)."
            : null;

        return new ExtractedArticle
        {
            Title = meta.Title,
            Authors = meta.Authors,
            Published = meta.Published,
            Modified = meta.Modified,
            CanonicalUrl = meta.Url,
            SiteName = meta.SiteName,
            Description = meta.Description,
            LeadImage = meta.Image,
            Tags = meta.Tags,
            Language = meta.Language,
            Paragraphs = paragraphs,
            Text = string.Join("\n\n", paragraphs),
            Html = paragraphs.Count == 0 ? null : BodyHtmlWriter.Write(blocks),
            NoArticleReason = reason,
        };
    }

    private static List<ContentBlock> ExtractBlocks(HtmlDocument doc, bool useHints, string? title, Uri? url)
    {
        ContentScorer.MarkExcluded(doc, useHints);
        ContentScorer.Aggregate(doc);
        var top = ContentScorer.FindTopCandidate(doc);
        if (top is null)
        {
            return [];
        }

        var roots = ContentSelector.Select(top);
        if (!useHints)
        {
            // The article was found without hints; inside it, navigation, share and related boxes still go.
            ContentScorer.MarkExcluded(doc, useHints: true, keep: roots);
            ContentScorer.Aggregate(doc);
        }

        return BlockFilter.Apply(BlockCollector.Collect(roots, url), title);
    }

    /// <summary>When the page's JSON-LD carries an <c>articleBody</c> several times longer than the text found in the
    /// markup, the markup search has failed (content hidden, scripted or oddly nested) and the publisher's own body is used.</summary>
    private static List<ContentBlock> PreferStructuredBody(List<ContentBlock> blocks, string? body)
    {
        if (body is null || body.Length < MinStructuredBody || TextLength(blocks) * 3 > body.Length)
        {
            return blocks;
        }

        var text = System.Net.WebUtility.HtmlDecode(Tags().Replace(body, "\n"));
        return text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(TextNormalizer.Normalize)
            .Where(p => p.Length > 0)
            .Select(p => new ContentBlock("p", p, System.Net.WebUtility.HtmlEncode(p), 0, null))
            .ToList();
    }

    [System.Text.RegularExpressions.GeneratedRegex("<[^>]{0,200}>")]
    private static partial System.Text.RegularExpressions.Regex Tags();

    private static int TextLength(List<ContentBlock> blocks) => blocks.Sum(b => b.Text.Length);
}
