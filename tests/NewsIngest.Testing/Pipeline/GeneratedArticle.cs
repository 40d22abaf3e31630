namespace NewsIngest.Testing.Pipeline;

/// <summary>
/// One article of a generated run: written by <see cref="ArticleGenerator"/>, served by <see cref="GeneratedFeeds"/>.
/// </summary>
/// <param name="Index">Position in the run (0-based); also part of its URL and title, so every article is told apart.</param>
/// <param name="Title">Headline, unique within the run.</param>
/// <param name="Paragraphs">Body text, plain sentences.</param>
/// <param name="FullPage">The feed carries only a teaser; the text is on the linked page (the fetcher fetches it).</param>
/// <param name="NearDuplicateOf">Index of the article this one re-words a little, or null for a story of its own.</param>
public sealed record GeneratedArticle(int Index, string Title, IReadOnlyList<string> Paragraphs, bool FullPage, int? NearDuplicateOf)
{
    public int WordCount => Paragraphs.Sum(p => p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);

    /// <summary>Path of the article's page on the feed server (the feed item links to it).</summary>
    public string PagePath => $"/articles/{Index:D6}";

    /// <summary>The item's guid in its feed.</summary>
    public string EntryId => $"generated-{Index:D6}";
}
