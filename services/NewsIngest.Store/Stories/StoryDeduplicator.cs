using System.Globalization;
using NewsIngest.Contracts;
using NewsIngest.Store.Dedup;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Stories;

/// <summary>
/// Decides whether an article is a new story or another sighting of a stored one — by article id, canonical
/// URL, exact text or near-duplicate fingerprint — and writes the decision. The in-memory
/// <see cref="StoryIndex"/> catches up from the database's story fingerprints before every decision, so
/// replicas see each other's stories; decisions are serialised within a process and, with PostgreSQL, across
/// replicas (an advisory lock), so two copies arriving at once cannot both become new stories.
/// Shared by the store's consumer and <c>newsingest dedup</c>.
/// </summary>
public sealed class StoryDeduplicator(IArticleRepository repository) : IDisposable
{
    private readonly StoryIndex _index = new();
    private readonly SemaphoreSlim _gate = new(1, 1);
    private long _syncedSeq;

    public async Task<StoryDecision> StoreAsync(ArticleStored record, CancellationToken cancellationToken)
    {
        var fingerprint = StoryFingerprint.Of(record.Article.Title, record.Article.Paragraphs);
        var canonicalUrl = CanonicalUrlRule.Key(record.Article.CanonicalUrl, record.Article.Url);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await using var decisions = await repository.LockStoryDecisionsAsync(cancellationToken);
            await CatchUpAsync(cancellationToken);
            if (await repository.StoryOfAsync(record.ArticleId, cancellationToken) is { } own)
            {
                return new StoryDecision(StoryOutcome.Redelivery, own, "stored already");
            }

            if (canonicalUrl is not null && await repository.FindStoryByCanonicalUrlAsync(canonicalUrl, cancellationToken) is { } byUrl)
            {
                return await SightingAsync(byUrl, record, 1.0, null, $"same canonical URL {canonicalUrl}", cancellationToken);
            }

            if (_index.FindMatch(fingerprint) is { } match)
            {
                var newVersion = match.Jaccard < StoryIndex.NewVersionBelow ? fingerprint.ToBytes() : null;
                var reason = string.Create(CultureInfo.InvariantCulture, $"near-duplicate text (Jaccard {match.Jaccard:F2}, containment {match.Containment:F2})");
                return await SightingAsync(match.StoryId, record, match.Jaccard, newVersion, reason, cancellationToken);
            }

            var outcome = await repository.SaveAsync(record, new StoryFacts(fingerprint.ToBytes(), canonicalUrl), cancellationToken);
            switch (outcome.Result)
            {
                case SaveResult.Inserted:
                    await CatchUpAsync(cancellationToken);
                    return new StoryDecision(StoryOutcome.NewStory, record.ArticleId, "new story");
                case SaveResult.AlreadyStored:
                    return new StoryDecision(StoryOutcome.Redelivery, record.ArticleId, "stored already");
                default:
                    var story = await repository.StoryOfAsync(outcome.ExistingArticleId!.Value, cancellationToken) ?? outcome.ExistingArticleId.Value;
                    return await SightingAsync(story, record, 1.0, null, $"same text as stored article {outcome.ExistingArticleId}", cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<StoryDecision> SightingAsync(Guid storyId, ArticleStored record, double similarity, byte[]? newVersion, string reason, CancellationToken cancellationToken)
    {
        var added = await repository.AddSightingAsync(storyId, record, similarity, reason, newVersion, cancellationToken);
        if (newVersion is not null)
        {
            await CatchUpAsync(cancellationToken);
        }

        return added ? new StoryDecision(StoryOutcome.Sighting, storyId, reason) : new StoryDecision(StoryOutcome.Redelivery, storyId, "sighting recorded already");
    }

    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        foreach (var version in await repository.ReadStoryVersionsAsync(_syncedSeq, cancellationToken))
        {
            _index.Add(version.StoryId, StoryFingerprint.FromBytes(version.Fingerprint));
            _syncedSeq = version.Seq;
        }
    }
}
