namespace NewsIngest.Fetcher.Http;

/// <summary>The SSRF guard refused to connect: the host resolves to an address the policy does not allow.</summary>
public sealed class BlockedAddressException(string message) : IOException(message);
