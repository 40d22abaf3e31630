namespace NewsIngest.Store.Dedup;

/// <summary>
/// A stored story that a new article is judged to be a copy of. <see cref="Jaccard"/> is the estimated
/// shingle overlap over the union; <see cref="Containment"/> the estimated share of the shorter text found
/// in the longer (near 1 for a truncated copy).
/// </summary>
public sealed record StoryMatch(Guid StoryId, double Jaccard, double Containment);
