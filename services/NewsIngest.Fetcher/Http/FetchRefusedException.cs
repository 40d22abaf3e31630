namespace NewsIngest.Fetcher.Http;

/// <summary>A fetch stopped by one of our limits (size, redirects, scheme, content type, time); never retried.</summary>
public sealed class FetchRefusedException(string message) : Exception(message);
