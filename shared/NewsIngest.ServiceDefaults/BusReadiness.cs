using MassTransit;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Completes once the bus has started and every receive endpoint is ready (MassTransit's <see cref="BusReady"/>).
/// Hosted services start one after another in the order they were registered, and a <c>BackgroundService</c> loop
/// runs as soon as it is started: a loop registered before the bus, or behind a hosted service that is slow to start,
/// would publish to a bus that is not started yet (the in-memory transport drops such a message; RabbitMQ finds no
/// exchange). A loop that publishes awaits <see cref="WaitAsync"/> first. Registered by <c>AddMessaging</c>.
/// </summary>
public sealed class BusReadiness : IBusObserver
{
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public bool IsReady => _ready.Task.IsCompletedSuccessfully;

    /// <summary>Returns once the bus is ready to publish to and consume from (at once after that).</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => _ready.Task.WaitAsync(cancellationToken);

    public Task PostStart(IBus bus, Task<BusReady> busReady)
    {
        // Not awaited here: the bus calls this before its endpoints are ready, and waits for this call.
        _ = busReady.ContinueWith(
            ready =>
            {
                if (ready.IsCompletedSuccessfully)
                {
                    _ready.TrySetResult();
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public void PostCreate(IBus bus)
    {
    }

    public void CreateFaulted(Exception exception)
    {
    }

    public Task PreStart(IBus bus) => Task.CompletedTask;

    public Task StartFaulted(IBus bus, Exception exception) => Task.CompletedTask;

    public Task PreStop(IBus bus) => Task.CompletedTask;

    public Task PostStop(IBus bus) => Task.CompletedTask;

    public Task StopFaulted(IBus bus, Exception exception) => Task.CompletedTask;
}
