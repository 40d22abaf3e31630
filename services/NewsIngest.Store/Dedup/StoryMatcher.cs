namespace NewsIngest.Store.Dedup;

/// <summary>
/// Judges a newcomer against the stored texts that share at least one LSH band key with it (the
/// candidates the database returns for the newcomer's own band keys, a handful whatever the number of
/// stories) and picks the best verified match with <see cref="MatchRule"/>. Holds nothing between calls.
/// </summary>
public static class StoryMatcher
{
    /// <summary>A matched sighting less similar than this is also stored as another version of its story,
    /// so a later copy that resembles only that version (a truncation of an edited copy) still finds it.</summary>
    public const double NewVersionBelow = 0.9;

    /// <summary>The stored story that <paramref name="newcomer"/> is a copy of, or <c>null</c>.</summary>
    public static StoryMatch? BestMatch(StoryFingerprint newcomer, IEnumerable<(Guid StoryId, StoryFingerprint Fingerprint)> candidates)
    {
        ArgumentNullException.ThrowIfNull(newcomer);
        ArgumentNullException.ThrowIfNull(candidates);
        StoryMatch? best = null;
        foreach (var (storyId, stored) in candidates)
        {
            var match = Judge(storyId, stored, newcomer);
            if (match is not null && (best is null || Score(match) > Score(best)))
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Whether <paramref name="newcomer"/> is a copy of the stored text <paramref name="stored"/> of story <paramref name="storyId"/>.</summary>
    public static StoryMatch? Judge(Guid storyId, StoryFingerprint stored, StoryFingerprint newcomer)
    {
        ArgumentNullException.ThrowIfNull(newcomer);
        return MatchRule.Judge(Stored(storyId, stored), newcomer);
    }

    /// <summary>How much the two texts share (as <see cref="Judge"/> estimates it), whether or not they are the same story.</summary>
    public static StoryMatch Overlap(Guid storyId, StoryFingerprint stored, StoryFingerprint newcomer)
    {
        ArgumentNullException.ThrowIfNull(newcomer);
        var (jaccard, containment) = MatchRule.Overlap(Stored(storyId, stored), newcomer);
        return new StoryMatch(storyId, Math.Min(1, jaccard), Math.Min(1, containment));
    }

    private static StoredStory Stored(Guid storyId, StoryFingerprint stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        var numbers = stored.Numbers.AsSpan(0, Math.Min(StoryFingerprint.NumberSketchSize, stored.Numbers.Length));
        return new StoredStory(storyId, stored.ShingleCount, stored.Sketch, stored.Lede, stored.Numbers.Length, numbers);
    }

    private static double Score(StoryMatch match) => match.Jaccard + match.Containment;
}
