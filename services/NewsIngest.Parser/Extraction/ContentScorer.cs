namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Finds the element that holds the article: marks non-content elements, computes text, link and comma figures
/// bottom-up, scores paragraph containers Readability-style (paragraph length and commas credited to ancestors,
/// class/id hints, link density) and picks the best one. No recursion: aggregates run over the document-order
/// element list in reverse.
/// </summary>
internal static class ContentScorer
{
    /// <param name="doc">The page.</param>
    /// <param name="useHints">Whether class/id hints and header elements exclude.</param>
    /// <param name="keep">Elements never excluded (chosen content roots); their descendants are judged afresh.</param>
    /// <param name="protect">Elements whose class/id hints are ignored (they hold the page's prose).</param>
    public static void MarkExcluded(HtmlDocument doc, bool useHints, IReadOnlyCollection<HtmlNode>? keep = null, IReadOnlySet<HtmlNode>? protect = null)
    {
        var kept = keep is null || keep.Count == 0 ? null : keep.ToHashSet();
        foreach (var e in doc.Elements)
        {
            if (kept is not null && kept.Contains(e))
            {
                e.Excluded = false;
                continue;
            }

            e.Excluded = BoilerplateHints.IsNonContent(e) ||
                         (useHints && (e.Tag == "header" || BoilerplateHints.Hint(e) < 0) && !IgnoresHints(e) && !(protect?.Contains(e) ?? false)) ||
                         (e.Parent?.Excluded ?? false);
        }
    }

    /// <summary>Page landmarks, captions, and inline elements inside running text (a link styled "tag" in a
    /// sentence is still part of the sentence) are not excluded by their class or id.</summary>
    private static bool IgnoresHints(HtmlNode e) => e.Tag switch
    {
        "body" or "article" or "main" or "figcaption" => true,
        "a" or "em" or "strong" or "b" or "i" or "u" or "mark" or "abbr" or "cite" or "q" or "code" or "time" or "font" or "sup" or "sub" =>
            e.Parent is { Tag: "p" or "li" or "blockquote" or "h2" or "h3" or "h4" or "dd" or "em" or "strong" or "b" or "i" },
        _ => false,
    };

    public static void Aggregate(HtmlDocument doc)
    {
        var elements = doc.Elements;
        for (var i = elements.Count - 1; i >= 0; i--)
        {
            var e = elements[i];
            int text = 0, links = 0, commas = 0, paragraphs = 0;
            foreach (var c in e.Children)
            {
                if (c.IsText)
                {
                    text += c.Text!.Length;
                    commas += c.Commas;
                }
                else if (!c.Excluded)
                {
                    text += c.TextLength;
                    links += c.LinkTextLength;
                    commas += c.Commas;
                    paragraphs += c.ParagraphCount;
                }
            }

            e.TextLength = text;
            e.LinkTextLength = e.Tag == "a" ? text : links;
            e.Commas = commas;
            e.ParagraphCount = paragraphs + (e.Tag == "p" && text > 0 ? 1 : 0);
            e.Score = 0;
            e.Scored = false;
        }
    }

    public static HtmlNode? FindTopCandidate(HtmlDocument doc)
    {
        var candidates = new List<HtmlNode>();
        foreach (var e in doc.Elements)
        {
            if (e.Excluded || !IsParagraphLike(e) || e.TextLength < 25)
            {
                continue;
            }

            var score = 1.0 + e.Commas + Math.Min(e.TextLength / 100, 3);
            // The document node itself is a candidate too: pages without any wrapper keep their text at the top.
            var ancestor = e.Parent;
            for (var level = 0; level < 5 && ancestor is not null; level++, ancestor = ancestor.Parent)
            {
                if (!ancestor.Scored)
                {
                    ancestor.Scored = true;
                    ancestor.Score = InitialScore(ancestor);
                    candidates.Add(ancestor);
                }

                ancestor.Score += level switch
                {
                    0 => score,
                    1 => score / 2,
                    _ => score / (level * 3),
                };
            }
        }

        HtmlNode? top = null;
        foreach (var c in candidates)
        {
            c.Score *= 1 - LinkDensity(c);
            if (top is null || c.Score > top.Score)
            {
                top = c;
            }
        }

        return top is null ? null : Refine(top, candidates);
    }

    public static double LinkDensity(HtmlNode e) => e.TextLength == 0 ? 0 : (double)e.LinkTextLength / e.TextLength;

    private static HtmlNode Refine(HtmlNode top, List<HtmlNode> candidates)
    {
        // Several strong candidates under one ancestor: the article is split into sections, take the ancestor.
        var strong = candidates.Where(c => c != top && c.Score >= top.Score * 0.75).OrderByDescending(c => c.Score).Take(5).ToList();
        if (strong.Count >= 3)
        {
            for (var p = top.Parent; p is not null && p.Tag != "#document"; p = p.Parent)
            {
                if (strong.Count(s => IsAncestor(p, s)) >= 3)
                {
                    top = p;
                    break;
                }
            }
        }

        // Walk up while the parent scores better (the article continues in siblings).
        var last = top.Score;
        for (var p = top.Parent; p is not null && p.Tag != "#document"; p = p.Parent)
        {
            if (!p.Scored)
            {
                continue;
            }

            if (p.Score < last / 3)
            {
                break;
            }

            if (p.Score > last)
            {
                top = p;
                break;
            }

            last = p.Score;
        }

        while (top.Parent is { Tag: not "#document" } parent && parent.Children.Count(c => !c.IsText || c.Text!.Trim().Length > 0) == 1)
        {
            top = parent;
        }

        return top;
    }

    private static bool IsAncestor(HtmlNode ancestor, HtmlNode node)
    {
        for (var p = node.Parent; p is not null; p = p.Parent)
        {
            if (p == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    public static bool IsParagraphLike(HtmlNode e)
    {
        if (e.Tag is "p" or "pre" or "blockquote")
        {
            return true;
        }

        if (e.Tag is not ("div" or "section" or "article" or "span" or "font" or "center" or "li" or "dd" or "td"))
        {
            return false;
        }

        // A container with only inline content reads as a paragraph. A table cell holding blocks is a layout column:
        // counted as a paragraph, a page's story cell and its column of link boxes would lift the row above the story.
        return HoldsOnlyInline(e) && (e.Tag != "span" || e.Parent is { Tag: not "p" });
    }

    /// <summary>Whether the element's content is text and inline elements (images included), no blocks.</summary>
    public static bool HoldsOnlyInline(HtmlNode e)
    {
        foreach (var c in e.Children)
        {
            if (!c.IsText && !c.Excluded && HtmlTags.IsBlock(c.Tag) && c.Tag is not ("img" or "picture"))
            {
                return false;
            }
        }

        return true;
    }

    private static double InitialScore(HtmlNode e)
    {
        var score = e.Tag switch
        {
            "div" or "article" or "main" or "section" => 5,
            "pre" or "td" or "blockquote" => 3,
            "address" or "ol" or "ul" or "dl" or "dd" or "dt" or "li" or "form" => -3,
            "h1" or "h2" or "h3" or "h4" or "h5" or "h6" or "th" => -5,
            _ => 0,
        };
        return score + (25 * BoilerplateHints.Hint(e)) + (e.Tag == "article" ? 10 : 0) + (e.Attr("itemprop") == "articleBody" ? 25 : 0);
    }
}
