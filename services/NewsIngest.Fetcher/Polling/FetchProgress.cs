namespace NewsIngest.Fetcher.Polling;

/// <summary>Tells whoever waits (the all-in-one <c>run --once</c>) that every source was read once.</summary>
public sealed class FetchProgress
{
    private readonly TaskCompletionSource _firstPass = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task FirstPassCompleted => _firstPass.Task;

    public void CompletePass() => _firstPass.TrySetResult();
}
