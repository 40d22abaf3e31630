using System.Text;

namespace NewsIngest.Testing;

/// <summary>A canned HTTP response for <see cref="LoopbackHttpServer.MapResponse"/>; adjust with <c>with { ... }</c>.</summary>
public sealed record StaticResponse(int StatusCode, byte[] Body)
{
    public string? ContentType { get; init; }

    /// <summary>Extra response headers, e.g. ETag, Last-Modified, Cache-Control, Retry-After.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    /// <summary>How long the server waits before answering, to exercise client timeouts.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.Zero;

    public static StaticResponse Text(string body, string contentType = "text/plain; charset=utf-8", int statusCode = 200) =>
        new(statusCode, Encoding.UTF8.GetBytes(body)) { ContentType = contentType };

    public static StaticResponse Status(int statusCode) => new(statusCode, []);
}
