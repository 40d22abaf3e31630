using System.Collections.Concurrent;
using System.Globalization;

namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>Bodies in this process's memory, for the all-in-one mode (one process, in-memory transport).</summary>
public sealed class MemoryClaimChecks(TimeProvider clock) : IClaimCheckRepository
{
    private const string Prefix = "urn:claim-check:memory:";
    private readonly ConcurrentDictionary<Guid, Entry> _entries = new();

    public async Task<Uri> Put(Stream stream, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        var id = Guid.NewGuid();
        _entries[id] = new Entry(buffer.ToArray(), clock.GetUtcNow() + (timeToLive ?? TimeSpan.FromDays(1)));
        return new Uri(Prefix + id.ToString("N", CultureInfo.InvariantCulture));
    }

    public Task<Stream> Get(Uri address, CancellationToken cancellationToken = default)
    {
        var id = IdOf(address);
        if (!_entries.TryGetValue(id, out var entry) || entry.Expires < clock.GetUtcNow())
        {
            throw new ClaimCheckMissingException(address, "expired or never stored in this process");
        }

        return entry.Body is null
            ? throw new ClaimCheckReleasedException(address)
            : Task.FromResult<Stream>(new MemoryStream(entry.Body, writable: false));
    }

    public Task ReleaseAsync(Uri address, CancellationToken cancellationToken)
    {
        var id = IdOf(address);
        if (_entries.TryGetValue(id, out var entry))
        {
            _entries[id] = entry with { Body = null };
        }

        return Task.CompletedTask;
    }

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var swept = 0;
        foreach (var (id, entry) in _entries)
        {
            if (entry.Expires < now && _entries.TryRemove(id, out _))
            {
                swept++;
            }
        }

        return Task.FromResult(swept);
    }

    private static Guid IdOf(Uri address) =>
        address.OriginalString.StartsWith(Prefix, StringComparison.Ordinal)
        && Guid.TryParseExact(address.OriginalString[Prefix.Length..], "N", out var id)
            ? id
            : throw new ClaimCheckRefusedException(address, "not an address of the in-memory store");

    private sealed record Entry(byte[]? Body, DateTimeOffset Expires);
}
