namespace NewsIngest.Parser.Extraction;

/// <summary>Given the top candidate, adds the siblings that continue the article (Readability's sibling pass).</summary>
internal static class ContentSelector
{
    /// <summary>A paragraph shorter than this is not prose (a caption, a label, a teaser line).</summary>
    private const int MinProse = 80;

    public static List<HtmlNode> Select(HtmlNode top)
    {
        var parent = top.Parent;
        if (parent is null || parent.Tag == "#document")
        {
            return [top];
        }

        var threshold = Math.Max(10, top.Score * 0.2);
        var topClass = top.Attr("class");
        var selected = new List<HtmlNode>();
        foreach (var sibling in parent.Children)
        {
            if (sibling == top)
            {
                selected.Add(sibling);
                continue;
            }

            if (sibling.IsText || sibling.Excluded)
            {
                continue;
            }

            var bonus = topClass is { Length: > 0 } && sibling.Attr("class") == topClass ? top.Score * 0.2 : 0;
            if (sibling.Scored && sibling.Score + bonus >= threshold)
            {
                selected.Add(sibling);
                continue;
            }

            // A sibling whose paragraphs sit too deep to credit it (wrappers of wrappers) is judged by them.
            if (!sibling.Scored && IsDeepArticleSection(sibling, top))
            {
                selected.Add(sibling);
                continue;
            }

            if (sibling.Tag == "p")
            {
                var density = ContentScorer.LinkDensity(sibling);
                var length = sibling.TextLength;
                if ((length > 80 && density < 0.25) || (length is > 0 and <= 80 && density == 0 && EndsSentence(sibling)))
                {
                    selected.Add(sibling);
                }
            }
        }

        return WithRepeatedWrappers(parent, selected);
    }

    /// <summary>When the page cut the article into pieces around ads or boxes, each piece in a wrapper of the same
    /// tag and class as the one holding the pick, the other pieces that are prose join it in document order.</summary>
    private static List<HtmlNode> WithRepeatedWrappers(HtmlNode wrapper, List<HtmlNode> selected)
    {
        if (wrapper.Attr("class") is not { Length: > 0 } cls || wrapper.Parent is not { } outer)
        {
            return selected;
        }

        var pieces = outer.Children.Where(c => c == wrapper ||
            (!c.IsText && !c.Excluded && c.Tag == wrapper.Tag && c.Attr("class") == cls && IsProse(c))).ToList();
        return pieces.Count == 1 ? selected : pieces.SelectMany(p => p == wrapper ? selected : [p]).ToList();
    }

    /// <summary>Whether most of the element's text is in paragraphs of prose and few of it in links.</summary>
    private static bool IsProse(HtmlNode e)
    {
        if (e.ParagraphCount == 0 || e.TextLength < MinProse || ContentScorer.LinkDensity(e) >= 0.25)
        {
            return false;
        }

        var prose = 0;
        foreach (var p in e.Descendants(static n => n.IsText || n.Excluded))
        {
            if (p.Tag == "p" && p.TextLength >= MinProse && ContentScorer.LinkDensity(p) < 0.3)
            {
                prose += p.TextLength;
            }
        }

        return prose * 2 >= e.TextLength;
    }

    /// <summary>Whether the sibling holds a run of prose: one element with at least three paragraphs of real text
    /// side by side, together a quarter of the top candidate's text and half of the sibling's. Teaser boxes fail
    /// this: each summary sits in its own item.</summary>
    private static bool IsDeepArticleSection(HtmlNode sibling, HtmlNode top)
    {
        if (sibling.ParagraphCount < 3 || sibling.TextLength < top.TextLength / 4 || ContentScorer.LinkDensity(sibling) >= 0.25)
        {
            return false;
        }

        var prose = LargestProseRun(sibling);
        return prose >= top.TextLength / 4 && prose * 2 >= sibling.TextLength;
    }

    /// <summary>Characters in the largest run of prose under <paramref name="root"/>: the element with the most text
    /// in paragraphs of real text side by side, counted when it has at least three of them (else 0).</summary>
    public static int LargestProseRun(HtmlNode root)
    {
        var best = 0;
        foreach (var e in root.Descendants(static n => n.IsText || n.Excluded).Prepend(root))
        {
            int run = 0, prose = 0;
            foreach (var c in e.Children)
            {
                if (c.Tag == "p" && !c.Excluded && c.TextLength >= MinProse && ContentScorer.LinkDensity(c) < 0.3)
                {
                    run++;
                    prose += c.TextLength;
                }
            }

            if (run >= 3 && prose > best)
            {
                best = prose;
            }
        }

        return best;
    }

    private static bool EndsSentence(HtmlNode p)
    {
        var text = p.InnerText();
        return text.Contains(". ", StringComparison.Ordinal) || text.EndsWith('.');
    }
}
