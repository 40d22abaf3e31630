namespace NewsIngest.Fetcher.Feeds;

/// <summary>The bytes are not a feed at all, or are hostile (entity declarations, XXE, excessive nesting or size).</summary>
public sealed class FeedFormatException : Exception
{
    public FeedFormatException()
    {
    }

    public FeedFormatException(string message) : base(message)
    {
    }

    public FeedFormatException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
