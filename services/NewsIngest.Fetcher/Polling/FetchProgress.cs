namespace NewsIngest.Fetcher.Polling;

/// <summary>Tells whoever waits (the all-in-one <c>run --once</c>) that every source was read once: the feeds (fetch
/// loop) and the inbox (its own loop).</summary>
public sealed class FetchProgress
{
    private readonly TaskCompletionSource _feedsPass = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _inboxPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstPassCompleted => Task.WhenAll(_feedsPass.Task, _inboxPass.Task);

    /// <summary>The feeds that were due have been polled once.</summary>
    public void CompletePass() => _feedsPass.TrySetResult();

    public void CompleteInboxPass() => _inboxPass.TrySetResult();
}
