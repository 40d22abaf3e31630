using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.Options;

namespace NewsIngest.Fetcher.Http;

/// <summary>
/// One GET as the fetcher does it: conditional, through the resilient and SSRF-guarded <c>feeds</c> client,
/// redirects followed by us (each hop re-checked: scheme here, address by the guard), the body read within the
/// size limit after decompression, the content type checked, the whole fetch bounded by the total timeout.
/// </summary>
public sealed class FeedHttpClient(IHttpClientFactory clients, IOptions<FetcherOptions> options, TimeProvider clock)
{
    public const string ClientName = "feeds";

    private const string Accept = "application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    /// <summary>Media types a page fetch (an article page, robots.txt) accepts.</summary>
    public const string PageAccept = "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.5";

    /// <summary>First buffer for a body of unknown length (compressed, or chunked), doubled as it fills.</summary>
    private const int InitialUnknownLength = 81920;

    public Task<FetchResponse> GetAsync(Uri url, string? etag, string? lastModified, CancellationToken cancellationToken) =>
        SendAsync(url, Accept, etag, lastModified, cancellationToken);

    /// <summary>An unconditional GET with its own Accept header, under the same guard and limits.</summary>
    public Task<FetchResponse> GetAsync(Uri url, string accept, CancellationToken cancellationToken) =>
        SendAsync(url, accept, null, null, cancellationToken);

    private async Task<FetchResponse> SendAsync(Uri url, string accept, string? etag, string? lastModified, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var total = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        total.CancelAfter(settings.TotalTimeout);
        try
        {
            var client = clients.CreateClient(ClientName);
            var current = url;
            for (var hop = 0; ; hop++)
            {
                if (current.Scheme is not ("http" or "https"))
                {
                    throw new FetchRefusedException($"refused scheme '{current.Scheme}' at {current}; only http and https are fetched");
                }

                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                request.Headers.TryAddWithoutValidation("Accept", accept);
                if (etag is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-None-Match", etag);
                }

                if (lastModified is not null)
                {
                    request.Headers.TryAddWithoutValidation("If-Modified-Since", lastModified);
                }

                using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, total.Token);
                if (IsRedirect(response.StatusCode))
                {
                    if (hop >= settings.MaxRedirects)
                    {
                        throw new FetchRefusedException($"more than {settings.MaxRedirects} redirects; stopped at {current}");
                    }

                    var location = response.Headers.Location ?? throw new FetchRefusedException($"redirect {(int)response.StatusCode} without a Location from {current}");
                    current = location.IsAbsoluteUri ? location : new Uri(current, location);
                    continue;
                }

                return await ReadAsync(response, current, settings, total.Token);
            }
        }
        catch (OperationCanceledException) when (total.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new FetchRefusedException($"gave up after the total timeout of {settings.TotalTimeout}");
        }
    }

    private async Task<FetchResponse> ReadAsync(HttpResponseMessage response, Uri finalUrl, FetcherOptions settings, CancellationToken cancellationToken)
    {
        var contentType = response.Content.Headers.ContentType;
        var body = ResponseBody.Empty;
        if (response.StatusCode == HttpStatusCode.OK)
        {
            if (!IsFeedLike(contentType))
            {
                throw new FetchRefusedException($"refused content type '{contentType?.MediaType}' from {finalUrl}");
            }

            body = await ReadLimitedAsync(response.Content, settings.MaxResponseBytes, cancellationToken);
        }

        return new FetchResponse
        {
            StatusCode = (int)response.StatusCode,
            FinalUrl = finalUrl,
            Body = body,
            ContentType = contentType?.ToString(),
            ETag = response.Headers.ETag?.ToString(),
            LastModified = response.Content.Headers.LastModified?.ToString("R")
                ?? (response.Content.Headers.TryGetValues("Last-Modified", out var values) ? values.FirstOrDefault() : null),
            RetryAfter = RetryAfter(response.Headers.RetryAfter),
            MaxAge = response.Headers.CacheControl?.MaxAge,
        };
    }

    private TimeSpan? RetryAfter(RetryConditionHeaderValue? header) => header switch
    {
        { Delta: { } delta } => delta,
        { Date: { } date } => date - clock.GetUtcNow() is var wait && wait > TimeSpan.Zero ? wait : TimeSpan.Zero,
        _ => null,
    };

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

    /// <summary>Feeds come as XML, JSON or text of some kind; servers that do not say are given the benefit of the doubt.</summary>
    private static bool IsFeedLike(MediaTypeHeaderValue? contentType)
    {
        var media = contentType?.MediaType;
        return media is null
            || media.Contains("xml", StringComparison.OrdinalIgnoreCase)
            || media.Contains("json", StringComparison.OrdinalIgnoreCase)
            || media.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
            || media.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase);
    }

    private static async Task<ResponseBody> ReadLimitedAsync(HttpContent content, int limit, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > limit)
        {
            throw new FetchRefusedException($"response of {content.Headers.ContentLength} bytes is over the {limit}-byte limit; not read");
        }

        // The stream is already decompressed, so a gzip bomb is cut off at the limit too.
        await using var stream = await content.ReadAsStreamAsync(cancellationToken);
        if (content.Headers.ContentLength is { } length && content.Headers.ContentEncoding.Count == 0)
        {
            return await ReadExactlyAsync(stream, (int)length, cancellationToken);
        }

        // Read straight into a pooled buffer that doubles when full, up to one byte past the limit (which proves the body too long).
        var capacity = (int)Math.Min(limit + 1L, InitialUnknownLength);
        var buffer = ResponseBody.Rent(capacity);
        var filled = 0;
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer.AsMemory(filled, capacity - filled), cancellationToken)) > 0)
            {
                filled += read;
                if (filled > limit)
                {
                    throw new FetchRefusedException($"response is over the {limit}-byte limit (after decompression); cut off");
                }

                if (filled == capacity)
                {
                    capacity = (int)Math.Min(limit + 1L, 2L * capacity);
                    var larger = ResponseBody.Rent(capacity);
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    ResponseBody.Return(buffer);
                    buffer = larger;
                }
            }

            return ResponseBody.Rented(buffer, filled);
        }
        catch
        {
            ResponseBody.Return(buffer);
            throw;
        }
    }

    /// <summary>
    /// A body of known length (not compressed: what arrives is what is kept) read straight into one pooled array of at
    /// least that size, instead of a growing buffer and its copy (a 1 MB feed allocated 3-4 MB on the large-object heap
    /// per poll) or a fresh array per poll.
    /// </summary>
    private static async Task<ResponseBody> ReadExactlyAsync(Stream stream, int length, CancellationToken cancellationToken)
    {
        if (length == 0)
        {
            return ResponseBody.Empty;
        }

        var buffer = ResponseBody.Rent(length);
        try
        {
            var filled = await stream.ReadAtLeastAsync(buffer.AsMemory(0, length), length, throwOnEndOfStream: false, cancellationToken);
            return filled == length ? ResponseBody.Rented(buffer, length) : throw new HttpRequestException($"response ended after {filled} of its {length} bytes");
        }
        catch
        {
            ResponseBody.Return(buffer);
            throw;
        }
    }
}
