namespace NewsIngest.Fetcher.Inbox;

/// <summary>An inbox file could not be published (the broker, not the file, is at fault): it is read again on the next scan.</summary>
public sealed class PublishFailedException(string file, Exception inner)
    : Exception($"inbox file {file} was not published: {inner.Message}", inner);
