using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Options;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Fetcher.Publishing;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Polls one feed: GET through the resilient <c>feeds</c> client, parse, publish each entry not seen
/// before. One INFO line per poll; a failed or malformed feed is one WARN line and the next feed goes on.
/// </summary>
public sealed class FeedPoller(
    IHttpClientFactory clients,
    FetchedItemPublisher publisher,
    SeenItems seen,
    IOptions<FetcherOptions> options,
    ILogger<FeedPoller> logger)
{
    public const string ClientName = "feeds";

    public async Task<int> PollAsync(string feedUrl, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.GetAsync(feedUrl, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                logger.LogWarning("Feed {FeedUrl} answered {HttpStatus}; nothing published ({ElapsedMs} ms)", feedUrl, (int)response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                return 0;
            }

            var content = await ReadLimitedAsync(response.Content, options.Value.MaxResponseBytes, cancellationToken);
            var feed = FeedParser.Parse(content, response.Content.Headers.ContentType?.ToString(), response.RequestMessage?.RequestUri ?? new Uri(feedUrl));
            var (published, alreadySeen) = await PublishNewAsync(feedUrl, feed, cancellationToken);
            logger.LogInformation(
                "Polled feed {FeedUrl}: HTTP {HttpStatus}, {NewItems} new, {SeenItems} seen, {ElapsedMs:F0} ms",
                feedUrl, (int)response.StatusCode, published, alreadySeen, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            return published;
        }
        catch (Exception ex) when (ex is HttpRequestException or FeedFormatException or TimeoutException or Polly.CircuitBreaker.BrokenCircuitException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning("Feed {FeedUrl} failed after {ElapsedMs:F0} ms: {Reason}", feedUrl, Stopwatch.GetElapsedTime(started).TotalMilliseconds, ex.Message);
            return 0;
        }
    }

    private async Task<(int Published, int Seen)> PublishNewAsync(string feedUrl, FeedDocument feed, CancellationToken cancellationToken)
    {
        var published = 0;
        var alreadySeen = 0;
        foreach (var entry in feed.Items)
        {
            var key = entry.Id ?? entry.Link ?? $"{entry.Title}|{entry.Published:O}";
            if (!seen.Add(feedUrl, key))
            {
                alreadySeen++;
                continue;
            }

            var body = entry.Content ?? entry.Summary ?? string.Empty;
            await publisher.PublishAsync(new FetchedItem
            {
                ArticleId = ArticleIds.FromKey($"feed:{feedUrl}|{key}"),
                Kind = ArticleSourceKind.FeedItem,
                Body = System.Text.Encoding.UTF8.GetBytes(body),
                Charset = "utf-8",
                Origin = feedUrl,
                FeedUrl = feedUrl,
                FeedTitle = feed.Title,
                Url = entry.Link,
                Title = entry.Title,
                Author = entry.Author?.Name ?? entry.Author?.Email,
                Published = entry.Published ?? entry.Updated,
            }, cancellationToken);
            published++;
        }

        return (published, alreadySeen);
    }

    private static async Task<byte[]> ReadLimitedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            throw new HttpRequestException($"response of {content.Headers.ContentLength} bytes is over the {limit}-byte limit");
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                throw new HttpRequestException($"response is over the {limit}-byte limit; cut off");
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
