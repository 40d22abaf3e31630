using MassTransit;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>
/// Where message bodies wait for the stage that reads them (MassTransit message data), with a lifecycle: the last
/// stage releases a body once its own messages are out; whatever is left expires after its time to live.
/// </summary>
public interface IClaimCheckRepository : IMessageDataRepository
{
    /// <summary>
    /// The body is no longer needed: its bytes are deleted at once; the address is remembered as released until it
    /// expires, so a redelivered message learns it was handled (<see cref="ClaimCheckReleasedException"/>).
    /// </summary>
    Task ReleaseAsync(Uri address, CancellationToken cancellationToken);

    /// <summary>Deletes every body and release mark past its expiry; the number deleted.</summary>
    Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken);
}
