namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Extracts an article's metadata and main text from an HTML page. Stateless between calls: thread-safe and
/// meant to be registered as a singleton.
/// </summary>
/// <remarks>
/// Several views of the page propose the article: the Readability-style scorer with class/id hints, the same scorer
/// without hints, the largest coherent cluster of prose (<see cref="TextCluster"/>), the page's own markup of its
/// article (<c>itemprop=articleBody</c>, a single <c>&lt;article&gt;</c> or <c>&lt;main&gt;</c>) and its JSON-LD
/// <c>articleBody</c>. <see cref="CandidateChooser"/> takes the scorer's pick unless it is suspiciously short or
/// misses most of the prose the other views agree on.
/// </remarks>
public sealed partial class ArticleExtractor
{
    /// <summary>Below this many characters of text the strict pass (class/id hints on) is retried without hints.</summary>
    private const int RetryBelow = 250;

    public ExtractedArticle Extract(string html, Uri? url)
    {
        ArgumentNullException.ThrowIfNull(html);
        var doc = HtmlTreeBuilder.Parse(html);
        var heading = doc.Elements.FirstOrDefault(e => e.Tag == "h1" && e.Children.Count > 0);
        var meta = MetadataExtractor.Extract(doc, url, heading);

        var primary = ExtractBlocks(doc, useHints: true, meta.Title, url);
        if (primary.TextLength < RetryBelow)
        {
            var relaxed = ExtractBlocks(doc, useHints: false, meta.Title, url);
            if (relaxed.TextLength > primary.TextLength)
            {
                primary = relaxed;
            }
        }

        var (blocks, noArticle) = CandidateChooser.Choose(doc, primary, meta, url);

        // Captions stay in the HTML body but are not part of the running text.
        var paragraphs = blocks.Where(b => b.Kind != "figcaption").SelectMany(b => b.Paragraphs()).ToList();
        var reason = paragraphs.Count == 0
            ? noArticle ?? (doc.Elements.Count == 0 ? "The page has no HTML elements." : "No element of the page holds article text (paragraphs of prose).")
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
            Truncation = doc.Truncation,
        };
    }

    private static ArticleCandidate ExtractBlocks(HtmlDocument doc, bool useHints, string? title, Uri? url)
    {
        ContentScorer.MarkExcluded(doc, useHints);
        ContentScorer.Aggregate(doc);
        var top = ContentScorer.FindTopCandidate(doc);
        if (top is null)
        {
            return ArticleCandidate.Empty;
        }

        var roots = ContentSelector.Select(top);
        if (!useHints)
        {
            // The article was found without hints; inside it, navigation, share and related boxes still go.
            ContentScorer.MarkExcluded(doc, useHints: true, keep: roots);
            ContentScorer.Aggregate(doc);
        }

        return new ArticleCandidate(roots, BlockFilter.Apply(BlockCollector.Collect(roots, url), title));
    }
}
