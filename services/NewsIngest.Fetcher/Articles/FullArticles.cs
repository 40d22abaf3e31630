using System.Net.Http.Headers;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Fetcher.Http;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Articles;

/// <summary>
/// Swaps a feed item for the page it links to when its feed's <see cref="FullArticleMode"/> asks for it: the page is
/// fetched through the guarded client (SSRF guard, size limit, redirects, per-host gates) if robots.txt allows, and
/// published as <see cref="ArticleSourceKind.Html"/> with the feed entry's own text beside it (the parser falls back to
/// it when the page yields no article). Any failure or refusal keeps the feed item, with one WARN line.
/// </summary>
public sealed class FullArticles(FeedHttpClient http, RobotsCache robots, IOptions<FetcherOptions> options, ILogger<FullArticles> logger)
{
    private readonly Dictionary<string, FullArticleMode> _modes = ModesByFeed(options.Value);

    public bool Wants(string feedUrl, FeedItem item)
    {
        if (item.Link is null || !Uri.TryCreate(item.Link, UriKind.Absolute, out var link) || link.Scheme is not ("http" or "https"))
        {
            return false;
        }

        return (_modes.TryGetValue(feedUrl, out var mode) ? mode : options.Value.FullArticle) switch
        {
            FullArticleMode.On => true,
            FullArticleMode.Auto => VisibleText.Length(item.Content ?? item.Summary) < options.Value.FullArticleMinChars,
            _ => false,
        };
    }

    /// <summary>
    /// The items of one poll, in order, each swapped for its page where <see cref="Wants"/> says so — within the poll's
    /// budget: at most <see cref="FetcherOptions.MaxFullArticlesPerPoll"/> pages, <see cref="FetcherOptions.FullArticleConcurrency"/>
    /// at once, all within <see cref="FetcherOptions.PollBudget"/>. An item over budget keeps its feed text (one WARN line per poll).
    /// </summary>
    public async Task<IReadOnlyList<FetchedItem>> WithPagesAsync(
        string feedUrl, IReadOnlyList<(FeedItem Item, FetchedItem Fetched)> items, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var result = items.Select(entry => entry.Fetched).ToArray();
        var wanted = Enumerable.Range(0, items.Count).Where(i => Wants(feedUrl, items[i].Item)).ToList();
        if (wanted.Count == 0)
        {
            return result;
        }

        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(settings.PollBudget);
        var skipped = Math.Max(0, wanted.Count - settings.MaxFullArticlesPerPoll);
        var outOfTime = 0;
        await Parallel.ForEachAsync(
            wanted.Take(settings.MaxFullArticlesPerPoll),
            new ParallelOptions { MaxDegreeOfParallelism = settings.FullArticleConcurrency, CancellationToken = cancellationToken },
            async (i, _) =>
            {
                try
                {
                    result[i] = await FetchPageAsync(result[i], budget.Token);
                }
                catch (Exception) when (budget.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    Interlocked.Increment(ref outOfTime);
                }
            });

        if (skipped + outOfTime > 0)
        {
            logger.LogWarning(
                "Poll budget of feed {FeedUrl} spent: {SkippedPages} pages over the {MaxFullArticlesPerPoll}-page limit and {TimedOutPages} past the {PollBudget} budget go out as feed items",
                feedUrl, skipped, settings.MaxFullArticlesPerPoll, outOfTime, settings.PollBudget);
        }

        return result;
    }

    /// <summary>The page as an Html item, or <paramref name="feedItem"/> itself when the page cannot or may not be had.</summary>
    public async Task<FetchedItem> FetchPageAsync(FetchedItem feedItem, CancellationToken cancellationToken)
    {
        var page = new Uri(feedItem.Url ?? throw new ArgumentException("The item has no link.", nameof(feedItem)));
        try
        {
            var verdict = await robots.CheckAsync(page, cancellationToken);
            if (verdict != RobotsVerdict.Allowed)
            {
                return KeepFeedItem(feedItem, verdict == RobotsVerdict.Disallowed ? "robots.txt disallows it" : "robots.txt of its host could not be read");
            }

            using var response = await http.GetAsync(page, FeedHttpClient.PageAccept, cancellationToken);
            if (response.StatusCode != 200)
            {
                return KeepFeedItem(feedItem, $"HTTP {response.StatusCode}");
            }

            return feedItem with
            {
                Kind = ArticleSourceKind.Html,
                Body = response.Body.ToArray(), // published after this poll: its own array, not the pooled one
                FeedEntryBody = feedItem.Body, // the parser's fallback when the page yields no article
                Charset = MediaTypeHeaderValue.TryParse(response.ContentType, out var type) ? type.CharSet?.Trim('"') : null,
            };
        }
        catch (Exception ex) when (FetchFailures.IsFetchFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            return KeepFeedItem(feedItem, TransientFailures.IsBlocked(ex) ? "SSRF guard: " + ex.Message : ex.Message);
        }
    }

    private FetchedItem KeepFeedItem(FetchedItem feedItem, string reason)
    {
        logger.LogWarning("Full article {ArticleUrl} not fetched ({Reason}); publishing the feed item instead", feedItem.Url, reason);
        return feedItem;
    }

    private static Dictionary<string, FullArticleMode> ModesByFeed(FetcherOptions settings)
    {
        var modes = new Dictionary<string, FullArticleMode>(StringComparer.Ordinal);
        foreach (var feed in settings.Feeds)
        {
            if (feed.FullArticle is { } mode)
            {
                modes.TryAdd(feed.Url, mode);
            }
        }

        return modes;
    }
}
