namespace NewsIngest.Parser.Extraction;

/// <summary>One view's proposal for the article: the elements it took the text from and the blocks collected there.</summary>
internal sealed record ArticleCandidate(IReadOnlyList<HtmlNode> Roots, List<ContentBlock> Blocks)
{
    public static ArticleCandidate Empty { get; } = new([], []);

    public int TextLength { get; } = Blocks.Sum(b => b.Text.Length);

    /// <summary>Collects the blocks under <paramref name="roots"/>, class/id hints applied inside them except on
    /// the <paramref name="protect"/>ed elements.</summary>
    public static ArticleCandidate From(HtmlDocument doc, IReadOnlyList<HtmlNode> roots, IReadOnlySet<HtmlNode>? protect, string? title, Uri? url)
    {
        ContentScorer.MarkExcluded(doc, useHints: true, keep: roots, protect: protect);
        ContentScorer.Aggregate(doc);
        return new ArticleCandidate(roots, BlockFilter.Apply(BlockCollector.Collect(roots, url), title));
    }
}
