using System.Diagnostics;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// Tells whoever waits (the all-in-one <c>run --once</c>) that every source was read once, and the readiness check
/// how long ago the last pass finished.
/// </summary>
public sealed class FetchProgress
{
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _lastPass = Stopwatch.GetTimestamp();

    public Task FirstPassCompleted => _firstPass.Task;

    /// <summary>Time since the last pass finished (since start before the first).</summary>
    public TimeSpan SinceLastPass => Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastPass));

    public void CompletePass()
    {
        Interlocked.Exchange(ref _lastPass, Stopwatch.GetTimestamp());
        _firstPass.TrySetResult();
    }
}
