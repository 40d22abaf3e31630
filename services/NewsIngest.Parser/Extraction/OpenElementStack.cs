namespace NewsIngest.Parser.Extraction;

/// <summary>The tree builder's stack of open elements, with a count per tag name so an end tag that matches
/// nothing open is dismissed without scanning the stack.</summary>
internal sealed class OpenElementStack
{
    private readonly List<(string Tag, HtmlNode Node)> _items = [];
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Count => _items.Count;

    public (string Tag, HtmlNode Node) this[int index] => _items[index];

    public (string Tag, HtmlNode Node) Top => _items[^1];

    public void Push(string tag, HtmlNode node)
    {
        _items.Add((tag, node));
        _open[tag] = _open.GetValueOrDefault(tag) + 1;
    }

    public bool IsOpen(string tag) => _open.GetValueOrDefault(tag) > 0;

    /// <summary>Pops every element from <paramref name="index"/> up.</summary>
    public void PopFrom(int index)
    {
        for (var i = _items.Count - 1; i >= index; i--)
        {
            _open[_items[i].Tag]--;
        }

        _items.RemoveRange(index, _items.Count - index);
    }

    public void Pop() => PopFrom(_items.Count - 1);
}
