using MassTransit;

namespace NewsIngest.ServiceDefaults;

/// <summary>Counts the bytes every claim-check <c>Put</c> of a seekable stream writes (<see cref="ClaimCheckMetrics"/>); reads pass through.</summary>
public sealed class MeteredMessageDataRepository(IMessageDataRepository inner) : IMessageDataRepository
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
}
