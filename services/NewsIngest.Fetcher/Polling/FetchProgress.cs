using System.Diagnostics;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Tells whoever waits (the all-in-one <c>run --once</c>) that every source was read once — the feeds (fetch loop) and
/// the inbox (its own loop) — and the readiness check how long ago the last feed pass finished.
/// </summary>
public sealed class FetchProgress
{
    private readonly TaskCompletionSource _feedsPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _inboxPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastPass = Stopwatch.GetTimestamp();

    public Task FirstPassCompleted => Task.WhenAll(_feedsPass.Task, _inboxPass.Task);

    /// <summary>Time since the last feed pass finished (since start before the first).</summary>
    public TimeSpan SinceLastPass => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastPass));

    /// <summary>The feeds that were due have been polled once more.</summary>
    public void CompletePass()
    {
        Interlocked.Exchange(ref _lastPass, Stopwatch.GetTimestamp());
        _feedsPass.TrySetResult();
    }

    public void CompleteInboxPass() => _inboxPass.TrySetResult();
}
