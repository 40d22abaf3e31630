using System.Diagnostics;
using System.Globalization;
using NewsIngest.Contracts;
using NewsIngest.Store.Dedup;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Stories;

/// <summary>
/// Decides whether an article is a new story or another sighting of a stored one — by article id, canonical
/// URL, exact text or near-duplicate fingerprint — and writes the decision, all in one database transaction
/// that locks only the article's own keys (<see cref="IArticleRepository.BeginStoryDecisionAsync"/>): the
/// candidates come from the database's band-key index, so a replica holds no index of its own (constant
/// memory, nothing to load at start), sees every other replica's stories, and decides on unrelated articles
/// in parallel with them. Only stories stored within <see cref="Window"/> before the article are compared. A canonical
/// URL counts only on the page's own site and when the texts are related (<see cref="CanonicalUrlRule"/>); one set aside
/// is reported in <see cref="StoryDecision.IgnoredCanonicalUrl"/>. Every <see cref="SweepEvery"/>th decision of
/// a process (its first included) first deletes a bounded batch of versions older than the window and their band
/// rows (<see cref="IArticleRepository.SweepExpiredVersionsAsync"/>), so the band index holds the window, not the
/// store's whole history; versions are deleted only <see cref="SweepGrace"/> after they left the window.
/// Shared by the store's consumer and <c>newsingest dedup</c>.
/// </summary>
public sealed class StoryDeduplicator(IArticleRepository repository, TimeSpan window)
{
    /// <summary>The default of <c>Store:DedupWindow</c>.</summary>
    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(30);

    /// <summary>How often (in decisions) a process sweeps expired versions: at most <see cref="SweepBatch"/> versions
    /// per sweep, more than one per decision, so the sweep keeps up with any rate of new versions.</summary>
    public const int SweepEvery = 100;

    public const int SweepBatch = 500;

    /// <summary>How long after leaving the window a version is kept: for decisions under way and clocks of replicas that differ.</summary>
    public static readonly TimeSpan SweepGrace = TimeSpan.FromHours(1);

    private int _inFlight;
    private int _decisions;

    public StoryDeduplicator(IArticleRepository repository)
        : this(repository, DefaultWindow)
    {
    }

    public TimeSpan Window { get; } = window;

    /// <summary>
    /// When set (the store service: <c>Store:OutboxLease</c>), a new story's outbox row is written leased to this process
    /// for that long from the record's <c>StoredAt</c> (<see cref="StoryDecision.LeasedUntil"/>), so that it publishes
    /// the record from memory the moment the decision commits, without a claim; should it die first, any dispatcher
    /// claims the row once the lease has run out. Null (a command-line run): the row waits unleased for any dispatcher.
    /// </summary>
    public TimeSpan? OwnPublishLease { get; init; }

    /// <summary>Decisions of this process under way right now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    public async Task<StoryDecision> StoreAsync(ArticleStored record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (unchecked((uint)Interlocked.Increment(ref _decisions)) % SweepEvery == 1)
        {
            await repository.SweepExpiredVersionsAsync(record.StoredAt - Window - SweepGrace, SweepBatch, cancellationToken);
        }

        var started = Stopwatch.GetTimestamp();
        var alongside = Interlocked.Increment(ref _inFlight) - 1;
        try
        {
            var decision = await DecideAsync(record, cancellationToken);
            return decision with { Elapsed = Stopwatch.GetElapsedTime(started), Alongside = alongside };
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task<StoryDecision> DecideAsync(ArticleStored record, CancellationToken cancellationToken)
    {
        var fingerprint = StoryFingerprint.Of(record.Article.Title, record.Article.Paragraphs);
        var canonicalUrl = CanonicalUrlRule.Key(record.Article.CanonicalUrl, record.Article.Url); // a canonical URL counts on its own page's site only
        var since = record.StoredAt - Window;
        await using var decision = await repository.BeginStoryDecisionAsync(
            new StoryKeys(record.ArticleId, record.ContentHash, canonicalUrl, fingerprint.BandKeys, since), cancellationToken);
        var candidates = decision.Candidates;
        StoryDecision result;
        if (candidates.OwnStory is { } own)
        {
            return new StoryDecision(StoryOutcome.Redelivery, own, "stored already");
        }

        var canonical = canonicalUrl is not null && candidates.ByCanonicalUrl is { } byUrl ? CanonicalOverlap(byUrl, candidates.CanonicalArticle, fingerprint) : null;
        var ignored = canonical is null || CanonicalUrlRule.Related(canonical) ? null : new IgnoredCanonicalUrl(canonicalUrl!, canonical.StoryId, canonical.Containment);
        if (canonical is not null && ignored is null)
        {
            var reason = string.Create(CultureInfo.InvariantCulture, $"same canonical URL {canonicalUrl} (containment {canonical.Containment:F2})");
            result = await SightingAsync(decision, canonical.StoryId, record, 1.0, null, reason, cancellationToken);
        }
        else if (candidates.ByContentHash is { } byHash)
        {
            result = await SightingAsync(decision, byHash, record, 1.0, null, $"same text as stored article {byHash}", cancellationToken);
        }
        else if (BestMatch(fingerprint, candidates.NearDuplicates) is { } match)
        {
            var newVersion = match.Jaccard < StoryMatcher.NewVersionBelow ? Facts(fingerprint, canonicalUrl) : null;
            var reason = string.Create(CultureInfo.InvariantCulture, $"near-duplicate text (Jaccard {match.Jaccard:F2}, containment {match.Containment:F2})");
            result = await SightingAsync(decision, match.StoryId, record, match.Jaccard, newVersion, reason, cancellationToken) with { Match = match };
        }
        else
        {
            var leasedUntil = record.StoredAt + OwnPublishLease;
            await decision.CommitNewStoryAsync(record, Facts(fingerprint, canonicalUrl), leasedUntil, cancellationToken);
            result = new StoryDecision(StoryOutcome.NewStory, record.ArticleId, "new story") { LeasedUntil = leasedUntil };
        }

        return result with { Candidates = candidates.NearDuplicates.Count, IgnoredCanonicalUrl = ignored };
    }

    /// <summary>How much the newcomer's text shares with the article stored under its canonical URL (none when that text is unknown).</summary>
    private static StoryMatch CanonicalOverlap(Guid storyId, ParsedArticle? stored, StoryFingerprint fingerprint) =>
        stored is null ? new StoryMatch(storyId, 0, 0) : StoryMatcher.Overlap(storyId, StoryFingerprint.Of(stored.Title, stored.Paragraphs), fingerprint);

    private static StoryMatch? BestMatch(StoryFingerprint fingerprint, IReadOnlyList<StoredVersion> versions) =>
        StoryMatcher.BestMatch(fingerprint, versions.Select(version => (version.StoryId, StoryFingerprint.FromBytes(version.Fingerprint))));

    private static StoryFacts Facts(StoryFingerprint fingerprint, string? canonicalUrl) =>
        new(fingerprint.ToStoredBytes(), canonicalUrl, fingerprint.BandKeys);

    private static async Task<StoryDecision> SightingAsync(
        IStoryDecision decision, Guid storyId, ArticleStored record, double similarity, StoryFacts? newVersion, string reason, CancellationToken cancellationToken)
    {
        await decision.CommitSightingAsync(storyId, record, similarity, reason, newVersion, cancellationToken);
        return new StoryDecision(StoryOutcome.Sighting, storyId, reason);
    }
}
