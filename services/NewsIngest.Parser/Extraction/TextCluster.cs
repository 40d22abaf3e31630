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

    private TextCluster(HtmlNode root, Dictionary<HtmlNode, int> prose, int rootProse, int pageProse)
    {
        Root = root;
        Prose = prose;
        RootProse = rootProse;
        PageProse = pageProse;
    }

    public HtmlNode Root { get; }

    /// <summary>Every prose paragraph of the page, with its length when the cluster was found.</summary>
    public Dictionary<HtmlNode, int> Prose { get; }

    /// <summary>Characters of prose under <see cref="Root"/>.</summary>
    public int RootProse { get; }

    /// <summary>Characters of prose on the whole page.</summary>
    public int PageProse { get; }

    /// <summary>Marks and aggregates the document without hints (so the caller re-marks before collecting).</summary>
    public static TextCluster? Find(HtmlDocument doc)
    {
        ContentScorer.MarkExcluded(doc, useHints: false);
        ContentScorer.Aggregate(doc);
        var credit = new Dictionary<HtmlNode, double>();
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
            credit[parent] = credit.GetValueOrDefault(parent) + e.TextLength;
            if (parent.Parent is { } grand)
            {
                credit[grand] = credit.GetValueOrDefault(grand) + (e.TextLength / 2.0);
            }
        }

        if (credit.Count == 0)
        {
            return null;
        }

        var root = credit.MaxBy(c => c.Value).Key;
        return new TextCluster(root, prose, ProseUnder([root], prose), pageProse);
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
