namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// What the builder has gathered for one feed, entry, image, text input or source element. Text fields live in a
/// small keyed bag because the feed vocabularies map many element names onto the same field.
/// </summary>
internal sealed class FeedContext
{
    private Dictionary<string, int>? _depths;

    public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);

    public List<AuthorDetail> Authors { get; } = [];

    public AuthorDetail? Author { get; set; }

    public List<(string? Term, string? Scheme, string? Label)> Tags { get; } = [];

    public List<string> Contents { get; } = [];

    public List<FeedEnclosure> Enclosures { get; } = [];

    public List<FeedMedia> Media { get; } = [];

    public DateTimeOffset? Published { get; set; }

    public DateTimeOffset? Updated { get; set; }

    public DateTimeOffset? Created { get; set; }

    public string? SelfLink { get; set; }

    public string? Get(string key) => Values.TryGetValue(key, out var value) && value.Length > 0 ? value : null;

    /// <summary>Stores a value found at <paramref name="depth"/> unless a shallower element already set it.</summary>
    public void SetAtDepth(string key, string value, int depth)
    {
        _depths ??= new(StringComparer.Ordinal);
        if (_depths.TryGetValue(key, out var old) && depth > old)
        {
            return;
        }

        _depths[key] = depth;
        Values[key] = value;
    }

    public void AddTag(string? term, string? scheme, string? label)
    {
        if (string.IsNullOrEmpty(term) && string.IsNullOrEmpty(scheme) && string.IsNullOrEmpty(label))
        {
            return;
        }

        if (!Tags.Contains((term, scheme, label)))
        {
            Tags.Add((term, scheme, label));
        }
    }
}
