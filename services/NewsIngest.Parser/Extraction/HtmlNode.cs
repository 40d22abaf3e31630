namespace NewsIngest.Parser.Extraction;

/// <summary>A node of the light DOM built by <see cref="HtmlTreeBuilder"/>: an element, or a text run when <see cref="Text"/> is set.</summary>
internal sealed class HtmlNode
{
    private static readonly KeyValuePair<string, string>[] NoAttributes = [];

    /// <summary>An array, not a list behind an interface: <see cref="Attr"/> runs for every element in every pass.</summary>
    private readonly KeyValuePair<string, string>[] _attributes;

    public HtmlNode(string tag, HtmlNode? parent, KeyValuePair<string, string>[]? attributes)
    {
        Tag = tag;
        Parent = parent;
        _attributes = attributes ?? NoAttributes;
    }

    public HtmlNode(string text, HtmlNode parent)
    {
        Tag = "#text";
        Text = text;
        Parent = parent;
        _attributes = NoAttributes;
        Commas = CountCommas(text);
    }

    public string Tag { get; }

    /// <summary>Decoded text of a text node; null for elements.</summary>
    public string? Text { get; }

    public HtmlNode? Parent { get; }

    public IReadOnlyList<KeyValuePair<string, string>> Attributes => _attributes;

    public List<HtmlNode> Children { get; } = [];

    public bool IsText => Text is not null;

    // Figures computed once per page by the content scorer (each page has its own tree).
    internal int TextLength { get; set; }

    internal int LinkTextLength { get; set; }

    /// <summary>Commas of a text run (counted once, when it is built) or, once aggregated, of an element's text.</summary>
    internal int Commas { get; set; }

    internal int ParagraphCount { get; set; }

    internal bool Excluded { get; set; }

    internal double Score { get; set; }

    internal bool Scored { get; set; }

    /// <summary>The class/id hint, once computed (see <see cref="BoilerplateHints.Hint"/>).</summary>
    internal int? Hint { get; set; }

    /// <summary>Whether tag, hidden state or role exclude the element whatever the pass (see
    /// <see cref="BoilerplateHints.IsNonContent"/>), once computed.</summary>
    internal bool? NonContent { get; set; }

    public string? Attr(string name)
    {
        foreach (var pair in _attributes)
        {
            if (pair.Key == name)
            {
                return pair.Value;
            }
        }

        return null;
    }

    /// <summary>Descendants in document order, without recursion; <paramref name="prune"/> skips a node and its subtree.</summary>
    public IEnumerable<HtmlNode> Descendants(Func<HtmlNode, bool>? prune = null)
    {
        var stack = new Stack<HtmlNode>();
        for (var i = Children.Count - 1; i >= 0; i--)
        {
            stack.Push(Children[i]);
        }

        while (stack.Count > 0)
        {
            var node = stack.Pop();
            if (prune is not null && prune(node))
            {
                continue;
            }

            yield return node;
            for (var i = node.Children.Count - 1; i >= 0; i--)
            {
                stack.Push(node.Children[i]);
            }
        }
    }

    /// <summary>Text content with whitespace collapsed, optionally leaving out excluded subtrees.</summary>
    public string InnerText(bool skipExcluded = false)
    {
        if (IsText)
        {
            return TextNormalizer.Normalize(Text!);
        }

        var sb = new System.Text.StringBuilder();
        foreach (var node in Descendants(skipExcluded ? static n => n.Excluded : null))
        {
            if (node.IsText)
            {
                sb.Append(node.Text);
            }
            else if (HtmlTags.IsBlock(node.Tag) || node.Tag == "br")
            {
                sb.Append(' ');
            }
        }

        return TextNormalizer.Normalize(sb.ToString());
    }

    private static int CountCommas(string text)
    {
        var n = 0;
        foreach (var ch in text)
        {
            if (ch is ',' or '，' or '、' or '،')
            {
                n++;
            }
        }

        return n;
    }
}
