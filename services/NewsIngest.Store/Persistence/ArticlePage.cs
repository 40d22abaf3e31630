using NewsIngest.Contracts;

namespace NewsIngest.Store.Persistence;

/// <summary>One page of stored records and the cursor of the next page, null on the last one.</summary>
public sealed record ArticlePage(IReadOnlyList<ArticleStored> Items, string? NextCursor);
