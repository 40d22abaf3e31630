using System.Collections.Concurrent;
using NewsIngest.Contracts;

namespace NewsIngest.Store.Publishing;

/// <summary>
/// Wakes the outbox dispatcher as soon as something is stored, instead of waiting for its next poll: a record this
/// process stored with its outbox row leased to itself (<see cref="Offer"/>: the dispatcher publishes it from memory,
/// without claiming it), or rows any dispatcher may claim (<see cref="Notify"/>: a sighting, an unleased record).
/// </summary>
public sealed class OutboxSignal : IDisposable
{
    private readonly SemaphoreSlim _signal = new(0, 1);
    private readonly ConcurrentQueue<OwnRecord> _own = new();
    private int _claimsWanted;

    /// <summary>A record this process stored, its outbox row leased to it until <paramref name="leasedUntil"/>.</summary>
    public void Offer(ArticleStored record, DateTimeOffset leasedUntil)
    {
        _own.Enqueue(new OwnRecord(record, leasedUntil));
        Wake();
    }

    /// <summary>Rows wait that only a claim publishes.</summary>
    public void Notify()
    {
        Volatile.Write(ref _claimsWanted, 1);
        Wake();
    }

    /// <summary>The next record <see cref="Offer"/>ed, oldest first.</summary>
    public bool TryTakeOwn(out OwnRecord own) => _own.TryDequeue(out own!);

    /// <summary>Whether records <see cref="Offer"/>ed wait to be taken.</summary>
    public bool HasOwn => !_own.IsEmpty;

    /// <summary>Whether <see cref="Notify"/> was called since the last call of this.</summary>
    public bool TakeClaimsWanted() => Interlocked.Exchange(ref _claimsWanted, 0) == 1;

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);

    public void Dispose() => _signal.Dispose();

    private void Wake()
    {
        try
        {
            _signal.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the dispatcher takes this with the others.
        }
    }
}

/// <summary>A record its own process publishes: its outbox row is leased to the process until <paramref name="LeasedUntil"/>.</summary>
public sealed record OwnRecord(ArticleStored Record, DateTimeOffset LeasedUntil);
