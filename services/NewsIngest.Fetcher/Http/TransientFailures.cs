using System.Net;
using Polly;
using Polly.Timeout;

namespace NewsIngest.Fetcher.Http;

/// <summary>
/// What the feeds client retries: network errors, attempt timeouts, 408, 500, 502, 504, and 503 without
/// Retry-After. Never a refusal of the SSRF guard, never 429 or a 503 that names a wait: those go back to
/// the schedule, which honours Retry-After.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Exception: { } exception } => IsTransient(exception),
        { Result: { } response } => IsTransient(response),
        _ => false,
    };

    public static bool IsTransient(Exception exception) =>
        exception is TimeoutRejectedException
        || (exception is HttpRequestException && !IsBlocked(exception));

    public static bool IsTransient(HttpResponseMessage response) => response.StatusCode switch
    {
        HttpStatusCode.RequestTimeout or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout => true,
        HttpStatusCode.ServiceUnavailable => response.Headers.RetryAfter is null,
        _ => false,
    };

    public static bool IsBlocked(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is BlockedAddressException)
            {
                return true;
            }
        }

        return false;
    }
}
