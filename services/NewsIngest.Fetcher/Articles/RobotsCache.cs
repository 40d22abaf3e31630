using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Http;

namespace NewsIngest.Fetcher.Articles;

/// <summary>
/// robots.txt per host (scheme, host and port), read through the guarded client and kept for
/// <see cref="FetcherOptions.RobotsCacheDuration"/>. 200 → its rules for <see cref="UserAgentToken"/>; any other
/// 4xx but 429 → allow all; 429, 5xx, network errors and refusals → <see cref="RobotsVerdict.Unavailable"/>, not cached, so the
/// next page of that host asks again.
/// </summary>
public sealed class RobotsCache(FeedHttpClient http, IOptions<FetcherOptions> options, TimeProvider clock, ILogger<RobotsCache> logger)
{
    public const string UserAgentToken = "NewsIngest";

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>One reader per site at a time, so pages of one host fetched at once read its robots.txt once.</summary>
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _readers = new(StringComparer.OrdinalIgnoreCase);

    public async Task<RobotsVerdict> CheckAsync(Uri page, CancellationToken cancellationToken)
    {
        var site = page.GetLeftPart(UriPartial.Authority);
        if (!_entries.TryGetValue(site, out var entry) || entry.Expires <= clock.GetUtcNow())
        {
            var reader = _readers.GetOrAdd(site, static _ => new SemaphoreSlim(1, 1));
            await reader.WaitAsync(cancellationToken);
            try
            {
                if (!_entries.TryGetValue(site, out entry) || entry.Expires <= clock.GetUtcNow())
                {
                    var rules = await ReadAsync(new Uri(site + "/robots.txt"), cancellationToken);
                    if (rules is null)
                    {
                        return RobotsVerdict.Unavailable;
                    }

                    entry = new Entry(rules, clock.GetUtcNow() + options.Value.RobotsCacheDuration);
                    _entries[site] = entry;
                }
            }
            finally
            {
                reader.Release();
            }
        }

        return entry.Rules.IsAllowed(page.PathAndQuery) ? RobotsVerdict.Allowed : RobotsVerdict.Disallowed;
    }

    private async Task<RobotsRules?> ReadAsync(Uri robotsUrl, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await http.GetAsync(robotsUrl, FeedHttpClient.PageAccept, cancellationToken);
            return response.StatusCode switch
            {
                200 => RobotsRules.Parse(Encoding.UTF8.GetString(response.Body.Span).TrimStart('\uFEFF'), UserAgentToken),
                429 => null,
                >= 400 and < 500 => RobotsRules.AllowAll,
                _ => null,
            };
        }
        catch (Exception ex) when (FetchFailures.IsFetchFailure(ex) && !cancellationToken.IsCancellationRequested)
        {
            logger.LogDebug(ex, "Could not read {RobotsUrl}", robotsUrl);
            return null;
        }
    }

    private sealed record Entry(RobotsRules Rules, DateTimeOffset Expires);
}
