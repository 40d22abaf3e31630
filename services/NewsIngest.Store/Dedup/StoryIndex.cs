namespace NewsIngest.Store.Dedup;

/// <summary>
/// The in-process near-duplicate index of stored stories. A lookup hashes the newcomer's 44 band keys
/// into one <see cref="BandTable"/>, gathers the stories that share a band (a handful, whatever the index
/// size) and verifies each with <see cref="MatchRule"/>; the best verified match wins. Per story it keeps
/// only flat columns (<see cref="StoryColumns"/>, ~700 bytes) and 44 table entries (~500 bytes at the
/// table's load), so a million stories take about 1.2 GB.
/// A story may be added more than once (several versions under one id): <see cref="FindOrAdd"/> does that
/// for a sighting that differs noticeably from what it matched, so a later copy that resembles only that
/// version (a truncation of an edited copy, say) still finds the story.
/// Not thread-safe: callers serialise calls (which they need to anyway, so that two copies arriving at
/// once cannot both miss and both be added).
/// </summary>
public sealed class StoryIndex
{
    /// <summary>A matched sighting less similar than this is also added as another version of its story.</summary>
    public const double NewVersionBelow = 0.9;

    private readonly BandTable _bands = new();
    private readonly StoryColumns _stories = new();
    private readonly HashSet<int> _candidates = [];

    /// <summary>Number of entries added (stories and their extra versions).</summary>
    public int Count => _stories.Count;

    /// <summary>Bytes held by the index's arrays (allocated capacity, not just what is filled).</summary>
    public long MemoryBytes => _bands.MemoryBytes + _stories.MemoryBytes;

    /// <summary>Candidates verified by the last lookup: the flat-cost claim, measurable.</summary>
    public int LastCandidateCount { get; private set; }

    /// <summary>The stored story that <paramref name="candidate"/> is a copy of, or <c>null</c>.</summary>
    public StoryMatch? FindMatch(StoryFingerprint candidate)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        _candidates.Clear();
        if (!candidate.IsEmpty)
        {
            foreach (var key in candidate.BandKeys)
            {
                _bands.Collect(key, _candidates);
            }
        }

        LastCandidateCount = _candidates.Count;
        StoryMatch? best = null;
        foreach (var ordinal in _candidates)
        {
            var match = MatchRule.Judge(_stories.Story(ordinal), candidate);
            if (match is not null && (best is null || Score(match) > Score(best)))
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Stores <paramref name="fingerprint"/> as a text of story <paramref name="storyId"/>. An
    /// empty fingerprint is stored too (so counts agree with the database) but can never be found.</summary>
    public void Add(Guid storyId, StoryFingerprint fingerprint)
    {
        ArgumentNullException.ThrowIfNull(fingerprint);
        var ordinal = _stories.Add(storyId, fingerprint);
        foreach (var key in fingerprint.BandKeys)
        {
            _bands.Add(key, ordinal);
        }
    }

    /// <summary>
    /// One sighting in one call: the story it belongs to, or — when it matches none — adds it as story
    /// <paramref name="newStoryId"/> and returns <c>null</c>. A match with Jaccard below
    /// <see cref="NewVersionBelow"/> is also added as another version of the matched story.
    /// Replaying the stored sightings in order through this method rebuilds the same index.
    /// </summary>
    public StoryMatch? FindOrAdd(Guid newStoryId, StoryFingerprint fingerprint)
    {
        var match = FindMatch(fingerprint);
        if (match is null)
        {
            Add(newStoryId, fingerprint);
        }
        else if (match.Jaccard < NewVersionBelow)
        {
            Add(match.StoryId, fingerprint);
        }

        return match;
    }

    private static double Score(StoryMatch match) => match.Jaccard + match.Containment;
}
