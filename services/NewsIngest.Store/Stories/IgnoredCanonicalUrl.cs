namespace NewsIngest.Store.Stories;

/// <param name="CanonicalUrl">The canonical URL the article named.</param>
/// <param name="StoryId">The story stored under that URL.</param>
/// <param name="Containment">The estimated share of the shorter text found in the other, below <see cref="Dedup.CanonicalUrlRule.RelatedContainment"/>.</param>
public sealed record IgnoredCanonicalUrl(string CanonicalUrl, Guid StoryId, double Containment);
