using Polly.CircuitBreaker;
using Polly.Timeout;

namespace NewsIngest.Fetcher.Http;

/// <summary>The exceptions a fetch through <see cref="FeedHttpClient"/> fails with when the source, not the fetcher, is at fault.</summary>
public static class FetchFailures
{
    public static bool IsFetchFailure(Exception ex) =>
        ex is HttpRequestException or FetchRefusedException or TimeoutRejectedException
            or BrokenCircuitException or IOException or TaskCanceledException or UriFormatException;
}
