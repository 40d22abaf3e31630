using MassTransit;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>The body was released by the stage that consumed it: a message naming it was handled before (a redelivery).</summary>
public sealed class ClaimCheckReleasedException(Uri address)
    : MessageDataException($"claim check {address} was released after its message was handled")
{
    public Uri Address { get; } = address;
}
