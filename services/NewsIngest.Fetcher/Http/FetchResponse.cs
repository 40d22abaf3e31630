namespace NewsIngest.Fetcher.Http;

/// <summary>The last response of a fetch (after redirects), with the body read within the limits.</summary>
public sealed record FetchResponse
{
    public required int StatusCode { get; init; }
    public required Uri FinalUrl { get; init; }
    public byte[] Body { get; init; } = [];
    public string? ContentType { get; init; }
    public string? ETag { get; init; }
    public string? LastModified { get; init; }

    /// <summary>Retry-After on 429/503, as a wait from now.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Cache-Control: max-age.</summary>
    public TimeSpan? MaxAge { get; init; }
}
