namespace NewsIngest.Parser.Extraction;

/// <summary>Given the top candidate, adds the siblings that continue the article (Readability's sibling pass).</summary>
internal static class ContentSelector
{
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

        return selected;
    }

    private static bool EndsSentence(HtmlNode p)
    {
        var text = p.InnerText();
        return text.Contains(". ", StringComparison.Ordinal) || text.EndsWith('.');
    }
}
