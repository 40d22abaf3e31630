namespace NewsIngest.Store.Dedup;

/// <summary>
/// When a candidate found through the bands is the same story. The overlap is measured by checking the
/// stored story's bottom-k sketch (a uniform sample of its shingles) against the newcomer's full shingle
/// set, which estimates the shared shingle count; Jaccard and containment follow from the two sizes.
/// <list type="bullet">
/// <item>Jaccard ≥ 0.5: a copy with another headline, boilerplate, byline or a few edited sentences
/// (those keep well above it; different events on one topic stay well below it);</item>
/// <item>or containment of the shorter text in the longer ≥ 0.8 and the two open alike (half the stored
/// lede found in the newcomer's first 48 shingles): a truncated copy. An update that put substantial new
/// paragraphs on top of the old text opens differently and stays a story of its own.</item>
/// </list>
/// </summary>
internal static class MatchRule
{
    public const double SameJaccard = 0.5;
    public const double SameContainment = 0.8;
    public const double SameLede = 0.5;

    public static StoryMatch? Judge(Guid storyId, int storedCount, ReadOnlySpan<uint> storedSketch,
        ReadOnlySpan<uint> storedLede, StoryFingerprint candidate)
    {
        if (storedSketch.Length == 0 || candidate.IsEmpty)
        {
            return null;
        }

        var found = 0;
        foreach (var key in storedSketch)
        {
            found += candidate.Contains(key) ? 1 : 0;
        }

        var shared = (double)found / storedSketch.Length * storedCount;
        var union = storedCount + candidate.ShingleCount - shared;
        var jaccard = union <= 0 ? 0 : shared / union;
        var containment = shared / Math.Min(storedCount, candidate.ShingleCount);
        if (jaccard >= SameJaccard
            || (containment >= SameContainment && LedeAgreement(storedLede, candidate) >= SameLede))
        {
            return new StoryMatch(storyId, Math.Min(1, jaccard), Math.Min(1, containment));
        }

        return null;
    }

    private static double LedeAgreement(ReadOnlySpan<uint> storedLede, StoryFingerprint candidate)
    {
        if (storedLede.Length == 0)
        {
            return 0;
        }

        var found = 0;
        foreach (var key in storedLede)
        {
            found += candidate.LedeWindowContains(key) ? 1 : 0;
        }

        return (double)found / storedLede.Length;
    }
}
