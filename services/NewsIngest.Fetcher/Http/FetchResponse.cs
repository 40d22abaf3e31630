namespace NewsIngest.Fetcher.Http;

/// <summary>
/// The last response of a fetch (after redirects), with the body read within the limits into a pooled buffer:
/// dispose the response (or its <see cref="Body"/>) once the body is read.
/// </summary>
public sealed record FetchResponse : IDisposable
{
    public required int StatusCode { get; init; }
    public required Uri FinalUrl { get; init; }
    public ResponseBody Body { get; init; } = ResponseBody.Empty;
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>Retry-After on 429/503, as a wait from now.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Cache-Control: max-age.</summary>
    public TimeSpan? MaxAge { get; init; }

    public void Dispose() => Body.Dispose();
}
