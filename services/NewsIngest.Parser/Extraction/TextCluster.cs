namespace NewsIngest.Parser.Extraction;

/// <summary>
/// The page's largest coherent run of prose, found without class/id hints: every paragraph of real text (long
/// enough, few links) credits its parent fully and its grandparent by half; the element with the most credit holds
/// the cluster. A second, independent view of where the article is, used to check the scorer's pick.
/// </summary>
internal sealed class TextCluster
{
    /// <summary>Shorter paragraphs are not counted as prose: captions, labels, teaser lines.</summary>
    private const int MinProse = 80;

    /// <summary>A paragraph with more of its text in links than this is navigation, not prose.</summary>
    private const double MaxProseLinkDensity = 0.3;

    private TextCluster(HtmlNode root, Dictionary<HtmlNode, int> prose, Dictionary<HtmlNode, int> teasers, int pageProse, int rootProseWithTeasers, int linkedHeadlines)
    {
        LinkedHeadlines = linkedHeadlines;
        Root = root;
        Prose = prose;
        Teasers = teasers;
        RootProse = ProseUnder([root], prose);
        PageProse = pageProse;
        RootProseWithTeasers = rootProseWithTeasers;
    }

    public HtmlNode Root { get; }

    /// <summary>Every prose paragraph of the page but the teaser summaries, with its length when the cluster was found.</summary>
    public Dictionary<HtmlNode, int> Prose { get; }

    /// <summary>The prose paragraphs that are teaser summaries (empty when the page has no other prose).</summary>
    public Dictionary<HtmlNode, int> Teasers { get; }

    /// <summary>Characters of prose under <see cref="Root"/>.</summary>
    public int RootProse { get; }

    /// <summary>Characters of prose on the whole page, teaser summaries included.</summary>
    public int PageProse { get; }

    /// <summary>Characters of prose under the cluster's root when teaser summaries count as prose too.</summary>
    public int RootProseWithTeasers { get; }

    /// <summary>How many headlines of the page are links (see <see cref="IsLinkedHeadline"/>).</summary>
    public int LinkedHeadlines { get; }

    /// <summary>Marks and aggregates the document without hints (so the caller re-marks before collecting).</summary>
    public static TextCluster? Find(HtmlDocument doc)
    {
        ContentScorer.MarkExcluded(doc, useHints: false);
        ContentScorer.Aggregate(doc);
        var prose = new Dictionary<HtmlNode, int>();
        var pageProse = 0;
        foreach (var e in doc.Elements)
        {
            if (e.Excluded || e.TextLength < MinProse || !IsParagraph(e) || ContentScorer.LinkDensity(e) > MaxProseLinkDensity)
            {
                continue;
            }

            // Text in list items is a list of entries (comments, gallery captions, references, teasers), not the article.
            if (e.Parent is not { } parent || IsList(parent) || (parent.Parent is { } up && IsList(up)))
            {
                continue;
            }

            prose[e] = e.TextLength;
            pageProse += e.TextLength;
        }

        if (prose.Count == 0)
        {
            return null;
        }

        // Teaser summaries (one under each linked headline) are no part of an article; a page of nothing else keeps them.
        var wholeRoot = BestRoot(prose);
        var withTeasers = ProseUnder([wholeRoot], prose);
        var teasers = new Dictionary<HtmlNode, int>();
        var headlines = LinkedHeadlinesUnder(doc, out var linkedHeadlines);
        var summaries = TeaserSummaries(headlines, prose);
        if (summaries.Count < prose.Count)
        {
            foreach (var t in summaries)
            {
                teasers[t] = prose[t];
                prose.Remove(t);
            }
        }

        var root = teasers.Count == 0 ? wholeRoot : BestRoot(prose);
        return new TextCluster(root, prose, teasers, pageProse, withTeasers, linkedHeadlines);
    }

    /// <summary>The element with the most credit: its prose paragraphs in full, its grandchildren's by half.</summary>
    private static HtmlNode BestRoot(Dictionary<HtmlNode, int> prose)
    {
        var credit = new Dictionary<HtmlNode, double>();
        foreach (var (e, length) in prose)
        {
            var parent = e.Parent!;
            credit[parent] = credit.GetValueOrDefault(parent) + length;
            if (parent.Parent is { } grand)
            {
                credit[grand] = credit.GetValueOrDefault(grand) + (length / 2.0);
            }
        }

        return credit.MaxBy(c => c.Value).Key;
    }

    /// <summary>A heading whose text is mostly a link, or that sits in one: the headline of a teaser.</summary>
    private static bool IsLinkedHeadline(HtmlNode e) =>
        HtmlTags.IsHeading(e.Tag) && !e.Excluded && e.TextLength > 0 &&
        (e.LinkTextLength * 2 > e.TextLength || e.Parent is { Tag: "a" } || e.Parent?.Parent is { Tag: "a" });

    /// <summary>How many linked headlines each element holds (only those holding one are listed).</summary>
    private static Dictionary<HtmlNode, int> LinkedHeadlinesUnder(HtmlDocument doc, out int total)
    {
        var headlines = new Dictionary<HtmlNode, int>();
        total = 0;
        foreach (var e in doc.Elements)
        {
            if (IsLinkedHeadline(e))
            {
                total++;
                for (var a = e.Parent; a is not null; a = a.Parent)
                {
                    headlines[a] = headlines.GetValueOrDefault(a) + 1;
                }
            }
        }

        return headlines;
    }

    /// <summary>The prose paragraphs that are teaser summaries: the nearest of the paragraph's parent and grandparent
    /// holding a linked headline holds no more prose paragraphs than linked headlines (each headline has at most one
    /// summary, in its own card or in one list of headline and summary pairs). A story's paragraphs outnumber any
    /// linked headline near them.</summary>
    private static List<HtmlNode> TeaserSummaries(Dictionary<HtmlNode, int> headlines, Dictionary<HtmlNode, int> prose)
    {
        var teasers = new List<HtmlNode>();
        if (headlines.Count == 0)
        {
            return teasers;
        }

        var paragraphs = new Dictionary<HtmlNode, int>();
        foreach (var p in prose.Keys)
        {
            for (var a = p.Parent; a is not null; a = a.Parent)
            {
                paragraphs[a] = paragraphs.GetValueOrDefault(a) + 1;
            }
        }

        foreach (var p in prose.Keys)
        {
            var item = headlines.ContainsKey(p.Parent!) ? p.Parent! : p.Parent!.Parent;
            if (item is not null && headlines.TryGetValue(item, out var linked) && paragraphs[item] <= linked)
            {
                teasers.Add(p);
            }
        }

        return teasers;
    }

    /// <summary>The cluster's root, its ancestors, and every prose paragraph under it with the elements between:
    /// class/id hints on these are wrong (a "hide-on-init" or "meta" class on the article's own container).</summary>
    public IReadOnlySet<HtmlNode> Protected()
    {
        var set = new HashSet<HtmlNode>();
        for (var a = Root; a is not null; a = a.Parent)
        {
            set.Add(a);
        }

        foreach (var p in Prose.Keys)
        {
            var chain = new List<HtmlNode>();
            for (var a = p; a is not null; a = a.Parent)
            {
                if (a == Root)
                {
                    set.UnionWith(chain);
                    break;
                }

                chain.Add(a);
            }
        }

        return set;
    }

    /// <summary>Characters of prose inside any of <paramref name="roots"/>.</summary>
    public int ProseUnder(IReadOnlyCollection<HtmlNode> roots) => ProseUnder(roots, Prose);

    /// <summary>Characters of teaser summaries inside any of <paramref name="roots"/>.</summary>
    public int TeasersUnder(IReadOnlyCollection<HtmlNode> roots) => ProseUnder(roots, Teasers);

    /// <summary>How many prose paragraphs lie under the cluster's root.</summary>
    public int RootParagraphs() => Prose.Keys.Count(p => IsUnder(p, Root));

    /// <summary>Whether <paramref name="node"/> is <paramref name="ancestor"/> or lies inside it.</summary>
    public static bool IsUnder(HtmlNode node, HtmlNode ancestor)
    {
        for (var a = node; a is not null; a = a.Parent)
        {
            if (a == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private static int ProseUnder(IReadOnlyCollection<HtmlNode> roots, Dictionary<HtmlNode, int> prose)
    {
        var total = 0;
        foreach (var (p, length) in prose)
        {
            for (var a = p; a is not null; a = a.Parent)
            {
                if (roots.Contains(a))
                {
                    total += length;
                    break;
                }
            }
        }

        return total;
    }

    private static bool IsList(HtmlNode e) => e.Tag is "ul" or "ol" or "li" or "dl" or "dd" or "dt";

    /// <summary>A paragraph element, or a container whose content is inline only; never one inside another paragraph.</summary>
    private static bool IsParagraph(HtmlNode e) =>
        e.Tag is "p" or "pre" || (e.Tag is not ("td" or "blockquote") && ContentScorer.IsParagraphLike(e) && e.Parent is not { Tag: "p" });
}
