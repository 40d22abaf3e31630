namespace NewsIngest.ServiceDefaults.Reliability;

public static class EndpointNames
{
    /// <summary>The queue name of an input address such as <c>rabbitmq://host/vhost/store-article-enriched</c>.</summary>
    public static string Of(Uri? inputAddress) =>
        inputAddress is null ? "unknown" : inputAddress.AbsolutePath.TrimEnd('/').Split('/')[^1];
}
