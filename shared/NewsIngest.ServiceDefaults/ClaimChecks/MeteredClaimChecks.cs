namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>Counts the bytes every <c>Put</c> of a seekable stream writes (<see cref="ClaimCheckMetrics"/>); the rest passes through.</summary>
public sealed class MeteredClaimChecks(IClaimCheckRepository inner) : IClaimCheckRepository
{
    public Task<Stream> Get(Uri address, CancellationToken cancellationToken = default) => inner.Get(address, cancellationToken);

    public async Task<Uri> Put(Stream stream, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var length = stream.CanSeek ? stream.Length - stream.Position : -1;
        var address = await inner.Put(stream, timeToLive, cancellationToken);
        if (length >= 0)
        {
            ClaimCheckMetrics.RecordWritten(length);
        }

        return address;
    }

    public Task ReleaseAsync(Uri address, CancellationToken cancellationToken) => inner.ReleaseAsync(address, cancellationToken);

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.SweepAsync(now, cancellationToken);
}
