namespace NewsIngest.Parser.Extraction;

/// <summary>What <see cref="ArticleExtractor"/> found on one page: metadata, the main text and its sanitised HTML.</summary>
public sealed record ExtractedArticle
{
    public string? Title { get; init; }

    public IReadOnlyList<string> Authors { get; init; } = [];

    public DateTimeOffset? Published { get; init; }

    public DateTimeOffset? Modified { get; init; }

    public string? CanonicalUrl { get; init; }

    public string? SiteName { get; init; }

    public string? Description { get; init; }

    public string? LeadImage { get; init; }

    public IReadOnlyList<string> Tags { get; init; } = [];

    /// <summary>A language hint (BCP 47 style, e.g. <c>en-US</c>) from the page's markup, not from detection.</summary>
    public string? Language { get; init; }

    public IReadOnlyList<string> Paragraphs { get; init; } = [];

    /// <summary>The paragraphs joined by a blank line.</summary>
    public string Text { get; init; } = string.Empty;

    /// <summary>The article body as sanitised HTML; null when there is no article content.</summary>
    public string? Html { get; init; }

    /// <summary>Why no article text was found; null when <see cref="Paragraphs"/> holds the article.</summary>
    public string? NoArticleReason { get; init; }

    /// <summary>Why only the start of the page was read (too long, or its tree too large); null when all of it was.</summary>
    public string? Truncation { get; init; }
}
