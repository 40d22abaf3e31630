namespace NewsIngest.Testing;

/// <summary>What <see cref="LoopbackHttpServer"/> saw of one request. Header names are case-insensitive.</summary>
public sealed record RecordedRequest(
    string Method,
    string Path,
    string QueryString,
    IReadOnlyDictionary<string, string> Headers,
    DateTimeOffset ReceivedAt);
