using System.Threading.Channels;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// The polls one <see cref="FeedPollScheduler"/> run has in flight, numbered in the order they were claimed, and the next
/// polls of the feeds that finished. A pass opens when the scheduler catches up (nothing more due): it ends once every poll
/// claimed before that moment has finished, which is when "every due feed was polled" holds.
/// </summary>
internal sealed class PollSlots
{
    private readonly Channel<(long Sequence, PollResult? Result)> _finished =
        Channel.CreateUnbounded<(long Sequence, PollResult? Result)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly Dictionary<long, Task> _polls = [];
    private readonly PriorityQueue<DateTimeOffset, DateTimeOffset> _nextPolls = new();
    private long _sequence;
    private long _passEnd = -1; // polls numbered below it belong to the open pass; -1: no pass open
    private int _openInPass;

    /// <summary>Polls in flight.</summary>
    public int Count => _polls.Count;

    /// <summary>The soonest next poll of a feed polled in this run, if any.</summary>
    public DateTimeOffset? SoonestNextPoll => _nextPolls.TryPeek(out var soonest, out _) ? soonest : null;

    /// <summary>Starts a poll in a free slot; <paramref name="poll"/> is given the poll's number and the writer it reports its end to.</summary>
    public void Start(Func<long, ChannelWriter<(long Sequence, PollResult? Result)>, Task> poll)
    {
        var number = _sequence++;
        _polls[number] = poll(number, _finished.Writer);
    }

    /// <summary>Forgets the next polls due by <paramref name="now"/>: a claim at <paramref name="now"/> took those feeds, or another replica did.</summary>
    public void ForgetDueBy(DateTimeOffset now)
    {
        while (_nextPolls.TryPeek(out var due, out _) && due <= now)
        {
            _nextPolls.Dequeue();
        }
    }

    /// <summary>The scheduler caught up: opens a pass of the polls in flight now, unless one is open.</summary>
    public void CaughtUp()
    {
        if (_passEnd < 0)
        {
            _passEnd = _sequence;
            _openInPass = _polls.Count;
        }
    }

    /// <summary>True once, when the open pass's polls have all finished; the pass is then closed.</summary>
    public bool PassCompleted()
    {
        if (_passEnd < 0 || _openInPass > 0)
        {
            return false;
        }

        _passEnd = -1;
        return true;
    }

    /// <summary>Completes when a poll has finished (and <see cref="Collect"/> has something to take).</summary>
    public Task<bool> WaitForFinishedAsync(CancellationToken cancellationToken) => _finished.Reader.WaitToReadAsync(cancellationToken).AsTask();

    /// <summary>The polls that finished: out of their slots, their feeds' next polls noted; returns the items they published.</summary>
    public int Collect()
    {
        var published = 0;
        while (_finished.Reader.TryRead(out var done))
        {
            _polls.Remove(done.Sequence);
            if (done.Sequence < _passEnd)
            {
                _openInPass--;
            }

            if (done.Result is { } result)
            {
                published += result.NewItems;
                _nextPolls.Enqueue(result.NextPoll, result.NextPoll);
            }
        }

        return published;
    }

    /// <summary>Completes when every poll in flight has finished.</summary>
    public Task AllFinishedAsync() => Task.WhenAll(_polls.Values);
}
