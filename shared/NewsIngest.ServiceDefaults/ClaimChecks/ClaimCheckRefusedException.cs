using MassTransit;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>An address this system never writes (another scheme, a path, a link, an oversized file): refused, nothing read.</summary>
public sealed class ClaimCheckRefusedException(Uri address, string reason)
    : MessageDataException($"claim check address refused ({reason}): {Truncate(address.OriginalString)}")
{
    public string Reason { get; } = reason;

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
