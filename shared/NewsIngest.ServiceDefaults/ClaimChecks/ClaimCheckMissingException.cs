using MassTransit;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>No body at a well-formed address: it expired (the message came too late) or was never stored here.</summary>
public sealed class ClaimCheckMissingException(Uri address, string reason)
    : MessageDataException($"claim check {address} not found: {reason}")
{
    public Uri Address { get; } = address;
}
