using System.Net;
using System.Text.RegularExpressions;

namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Checks the scorer's pick against the other views of the page and falls back to the better-supported one when the
/// pick is suspiciously short or leaves out most of the page's coherent prose (trafilatura's pattern: own rules first,
/// fallbacks when the result looks wrong).
/// </summary>
internal static partial class CandidateChooser
{
    /// <summary>The pick is doubted when it holds less than this share of the prose cluster's text.</summary>
    private const double MinClusterCoverage = 0.6;

    /// <summary>A fallback must be this much longer than the pick to replace it.</summary>
    private const double MinGain = 1.2;

    /// <summary>A JSON-LD articleBody shorter than this is too likely a teaser to stand in for the article.</summary>
    private const int MinStructuredBody = 500;

    /// <summary>Below this many characters of prose a page is too small to be judged an index of teasers.</summary>
    private const int MinIndexProse = 3000;

    /// <summary>An index page has at least this many linked headlines.</summary>
    private const int MinIndexHeadlines = 10;

    /// <summary>A story beside a box of teasers replaces it when it holds at least this many prose paragraphs.</summary>
    private const int MinStoryParagraphs = 3;

    /// <summary>The reason given for a page whose prose is all teasers.</summary>
    public const string IndexPageReason = "The page's prose is spread over many separate teasers (an index or section page), not one article.";

    /// <returns>The article's blocks, or none and the reason when the page holds no article.</returns>
    public static (List<ContentBlock> Blocks, string? NoArticleReason) Choose(HtmlDocument doc, ArticleCandidate primary, ArticleMetadata meta, Uri? url)
    {
        var chosen = primary;
        var cluster = TextCluster.Find(doc);
        if (cluster is not null)
        {
            var covered = cluster.ProseUnder(primary.Roots);
            IReadOnlySet<HtmlNode>? protect = null;

            // The pick holds the prose but lost much of it while collecting: class/id hints inside it were wrong.
            if (primary.TextLength < covered * MinClusterCoverage)
            {
                protect = cluster.Protected();
                chosen = Better(chosen, ArticleCandidate.From(doc, primary.Roots, protect, meta.Title, url));
            }

            // The pick misses most of a cluster of prose that is larger than the pick itself.
            if (covered < cluster.RootProse * MinClusterCoverage && cluster.RootProse > primary.TextLength * MinGain)
            {
                protect ??= cluster.Protected();
                chosen = Better(chosen, ArticleCandidate.From(doc, [cluster.Root], protect, meta.Title, url));
            }

            // The pick is a box of teasers (its text mostly summaries under linked headlines) beside a story it misses:
            // the story is the article however short it is next to the teasers.
            else if (covered < cluster.RootProse * MinClusterCoverage && cluster.TeasersUnder(primary.Roots) * 2 > primary.TextLength &&
                     cluster.RootParagraphs() >= MinStoryParagraphs)
            {
                protect ??= cluster.Protected();
                var story = ArticleCandidate.From(doc, [cluster.Root], protect, meta.Title, url);
                chosen = story.TextLength > 0 ? story : chosen;
            }

            // The page marks its article (itemprop=articleBody, its only <article> or <main>) and the pick lies
            // elsewhere while the marked element holds more prose than the pick has text.
            if (MarkedArticle(doc) is { } marked && !Overlaps(primary.Roots, marked) &&
                cluster.ProseUnder([marked]) > primary.TextLength * MinGain)
            {
                chosen = Better(chosen, ArticleCandidate.From(doc, [marked], protect, meta.Title, url));
            }
        }

        if (cluster is not null && IsIndexPage(cluster, chosen))
        {
            return ([], IndexPageReason);
        }

        return (PreferStructuredBody(chosen.Blocks, meta.Body), null);
    }

    /// <summary>A section front or index: plenty of prose on the page, but no element holds a tenth of it, the pick
    /// holds under a third, nowhere in the pick do three paragraphs of prose stand side by side, and the page is full
    /// of linked headlines. Every summary sits in its own teaser.</summary>
    private static bool IsIndexPage(TextCluster cluster, ArticleCandidate chosen) =>
        cluster.PageProse >= MinIndexProse &&
        cluster.RootProseWithTeasers * 10 < cluster.PageProse &&
        (cluster.ProseUnder(chosen.Roots) + cluster.TeasersUnder(chosen.Roots)) * 3 < cluster.PageProse &&
        chosen.Roots.All(r => ContentSelector.LargestProseRun(r) == 0) &&
        cluster.LinkedHeadlines >= MinIndexHeadlines;

    /// <summary>The element the page itself marks as its article: the only <c>itemprop=articleBody</c>, else the
    /// only <c>&lt;article&gt;</c>, else the only <c>&lt;main&gt;</c>.</summary>
    private static HtmlNode? MarkedArticle(HtmlDocument doc)
    {
        HtmlNode? body = null, article = null, main = null;
        int bodies = 0, articles = 0, mains = 0;
        foreach (var e in doc.Elements)
        {
            if (e.Attr("itemprop") is { } itemprop && itemprop.Split(' ').Contains("articleBody"))
            {
                body = e;
                bodies++;
            }
            else if (e.Tag == "article")
            {
                article = e;
                articles++;
            }
            else if (e.Tag == "main")
            {
                main = e;
                mains++;
            }
        }

        return bodies == 1 ? body : articles == 1 ? article : mains == 1 ? main : null;
    }

    private static bool Overlaps(IReadOnlyList<HtmlNode> roots, HtmlNode node) =>
        roots.Any(r => TextCluster.IsUnder(r, node) || TextCluster.IsUnder(node, r));

    private static ArticleCandidate Better(ArticleCandidate current, ArticleCandidate alternative) =>
        alternative.TextLength > current.TextLength * MinGain ? alternative : current;

    /// <summary>When the page's JSON-LD carries an <c>articleBody</c> several times longer than the text found in the
    /// markup, the markup search has failed (content hidden, scripted or oddly nested) and the publisher's own body is used.</summary>
    private static List<ContentBlock> PreferStructuredBody(List<ContentBlock> blocks, string? body)
    {
        if (body is null || body.Length < MinStructuredBody || blocks.Sum(b => b.Text.Length) * 3 > body.Length)
        {
            return blocks;
        }

        var text = WebUtility.HtmlDecode(Tags().Replace(body, "\n"));
        return text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(TextNormalizer.Normalize)
            .Where(p => p.Length > 0)
            .Select(p => new ContentBlock("p", p, WebUtility.HtmlEncode(p), 0, null))
            .ToList();
    }

    [GeneratedRegex("<[^>]{0,200}>")]
    private static partial Regex Tags();
}
