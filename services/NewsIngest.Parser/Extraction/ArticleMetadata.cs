namespace NewsIngest.Parser.Extraction;

/// <summary>Metadata gathered from one evidence source; the <see cref="MetadataExtractor"/> merges several by priority.</summary>
internal sealed class ArticleMetadata
{
    public string? Title { get; set; }

    public List<string> Authors { get; } = [];

    public DateTimeOffset? Published { get; set; }

    public DateTimeOffset? Modified { get; set; }

    public string? Url { get; set; }

    public string? SiteName { get; set; }

    public string? Description { get; set; }

    public string? Image { get; set; }

    public List<string> Tags { get; } = [];

    public string? Language { get; set; }

    public string? Body { get; set; }
}
