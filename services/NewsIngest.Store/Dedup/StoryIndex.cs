namespace NewsIngest.Store.Dedup;

/// <summary>
/// The in-process near-duplicate index of stored stories. A lookup hashes the newcomer's 24 band keys
/// into one <see cref="BandTable"/>, gathers the stories that share a band (a handful, whatever the index
/// size) and verifies each with <see cref="MatchRule"/>; the best verified match wins. Per story it keeps
/// only flat columns (<see cref="StoryColumns"/>, ~600 bytes) and 24 table entries (~400 bytes at the
/// table's load), so a million stories take about 1 GB.
/// Not thread-safe: callers serialise <see cref="FindMatch"/> and <see cref="Add"/> (which they need to
/// anyway, so that two copies arriving at once cannot both miss and both be added).
/// </summary>
public sealed class StoryIndex
{
    private readonly BandTable _bands = new();
    private readonly StoryColumns _stories = new();
    private readonly HashSet<int> _candidates = [];

    /// <summary>Number of stories added.</summary>
    public int Count => _stories.Count;

    /// <summary>Bytes held by the index's arrays (allocated capacity, not just what is filled).</summary>
    public long MemoryBytes => _bands.MemoryBytes + _stories.MemoryBytes;

    /// <summary>Candidates examined by the last <see cref="FindMatch"/>: the flat-cost claim, measurable.</summary>
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
            var match = MatchRule.Judge(_stories.Id(ordinal), _stories.ShingleCount(ordinal),
                _stories.Sketch(ordinal), _stories.Lede(ordinal), candidate);
            if (match is not null && (best is null || Score(match) > Score(best)))
            {
                best = match;
            }
        }

        return best;
    }

    /// <summary>Stores <paramref name="fingerprint"/> as the text of story <paramref name="storyId"/>. An
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

    private static double Score(StoryMatch match) => match.Jaccard + match.Containment;
}
