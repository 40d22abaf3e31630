namespace NewsIngest.Store.Dedup;

/// <summary>
/// When a candidate found through the bands is the same story. The overlap is measured by checking the
/// stored story's bottom-k sketch (a uniform sample of its shingles) against the newcomer's full shingle
/// set, which estimates the shared shingle count; Jaccard and containment follow from the two sizes.
/// <list type="bullet">
/// <item>Jaccard ≥ 0.6: the same text give or take headline, boilerplate, byline and some editing;</item>
/// <item>or containment of the shorter text in the longer ≥ 0.6 and the two open alike (a quarter of the
/// stored lede's shingles within the newcomer's first 48): a copy with a few edited sentences (two
/// reworded sentences in a 200-word article leave Jaccard near 0.5), a truncated copy, or both. An update
/// that put substantial new paragraphs on top of the old text opens differently and stays a story of its
/// own, as does a text that shares only its later half with a stored one;</item>
/// <item>unless both texts hold at least three numbers and fewer than half of the shorter one's numbers
/// are in the other (and Jaccard is below 0.9): reports of different matches, trading days or quakes
/// share their wording, even their opening formula, but not their scores, prices and magnitudes.</item>
/// </list>
/// </summary>
internal static class MatchRule
{
    public const double SameJaccard = 0.6;
    public const double SameContainment = 0.6;
    public const double SameLede = 0.25;
    public const int NumbersToCompare = 3;
    public const double SameNumbers = 0.5;
    public const double NumbersOverruled = 0.9;

    public static StoryMatch? Judge(StoredStory stored, StoryFingerprint candidate)
    {
        if (stored.Sketch.Length == 0 || candidate.IsEmpty)
        {
            return null;
        }

        var (jaccard, containment) = Overlap(stored, candidate);
        var similar = jaccard >= SameJaccard
            || (containment >= SameContainment && Found(stored.Lede, candidate.LedeWindow) >= SameLede);
        if (!similar || (jaccard < NumbersOverruled && NumbersDisagree(stored, candidate)))
        {
            return null;
        }

        return new StoryMatch(stored.Id, Math.Min(1, jaccard), Math.Min(1, containment));
    }

    /// <summary>The estimated Jaccard and containment of the two texts, without a verdict (0 when either has no words).</summary>
    public static (double Jaccard, double Containment) Overlap(StoredStory stored, StoryFingerprint candidate)
    {
        if (stored.Sketch.Length == 0 || candidate.IsEmpty)
        {
            return (0, 0);
        }

        var shared = Found(stored.Sketch, candidate.Keys) * stored.ShingleCount;
        var union = stored.ShingleCount + candidate.ShingleCount - shared;
        return (union <= 0 ? 0 : shared / union, shared / Math.Min(stored.ShingleCount, candidate.ShingleCount));
    }

    private static bool NumbersDisagree(StoredStory stored, StoryFingerprint candidate)
    {
        var fewer = Math.Min(stored.NumberCount, candidate.Numbers.Length);
        if (fewer < NumbersToCompare)
        {
            return false;
        }

        var shared = Found(stored.Numbers, candidate.Numbers) * stored.NumberCount;
        return shared / fewer < SameNumbers;
    }

    /// <summary>Share of <paramref name="sample"/> present in the sorted <paramref name="keys"/>.</summary>
    private static double Found(ReadOnlySpan<uint> sample, uint[] keys)
    {
        if (sample.Length == 0)
        {
            return 0;
        }

        var found = 0;
        foreach (var key in sample)
        {
            found += Array.BinarySearch(keys, key) >= 0 ? 1 : 0;
        }

        return (double)found / sample.Length;
    }
}
