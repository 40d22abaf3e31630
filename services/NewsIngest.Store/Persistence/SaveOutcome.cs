namespace NewsIngest.Store.Persistence;

public enum SaveResult
{
    /// <summary>A new record was written.</summary>
    Inserted = 1,

    /// <summary>The same article (same <c>ArticleId</c>) is stored already: a redelivery.</summary>
    AlreadyStored = 2,

    /// <summary>Another article with the same normalised text is stored already.</summary>
    DuplicateContent = 3,
}

/// <param name="Result">What happened.</param>
/// <param name="ExistingArticleId">The stored article that matched, for the last two results.</param>
public sealed record SaveOutcome(SaveResult Result, Guid? ExistingArticleId);
