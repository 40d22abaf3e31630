namespace NewsIngest.Parser.Extraction;

/// <summary>A parsed page: the light DOM plus the parts the builder set aside (title, JSON-LD, language).</summary>
internal sealed class HtmlDocument
{
    public HtmlDocument(HtmlNode root) => Root = root;

    public HtmlNode Root { get; }

    /// <summary>Every element in document order, so aggregates can be computed bottom-up without recursion.</summary>
    public List<HtmlNode> Elements { get; } = [];

    public List<HtmlNode> Metas { get; } = [];

    public List<HtmlNode> Links { get; } = [];

    public List<string> JsonLd { get; } = [];

    public string? Title { get; set; }

    public string? HtmlLang { get; set; }

    /// <summary>Nodes in the tree, elements and text runs (at most <see cref="HtmlTreeBuilder.MaxNodes"/>).</summary>
    public int NodeCount { get; set; }

    /// <summary>Why the builder stopped before the end of the page (the rest was not read); null when it read all of it.</summary>
    public string? Truncation { get; set; }
}
