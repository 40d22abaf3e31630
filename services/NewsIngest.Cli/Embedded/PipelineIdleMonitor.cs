using MassTransit;
using NewsIngest.Contracts;

namespace NewsIngest.Cli.Embedded;

/// <summary>
/// Counts pipeline messages published but not yet consumed in the all-in-one process, so
/// <c>run --once</c> can tell when everything the sources produced has reached its end.
/// </summary>
public sealed class PipelineIdleMonitor : IConsumeObserver, IPublishObserver
{
    private int _inFlight;
    private int _faulted;

    public int InFlight => Volatile.Read(ref _inFlight);

    public int Faulted => Volatile.Read(ref _faulted);

    public Task PrePublish<T>(PublishContext<T> context)
        where T : class
    {
        if (IsPipelineMessage<T>())
        {
            Interlocked.Increment(ref _inFlight);
        }

        return Task.CompletedTask;
    }

    public Task PostPublish<T>(PublishContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PublishFault<T>(PublishContext<T> context, Exception exception)
        where T : class
    {
        if (IsPipelineMessage<T>())
        {
            Interlocked.Decrement(ref _inFlight);
        }

        return Task.CompletedTask;
    }

    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class
    {
        if (IsPipelineMessage<T>())
        {
            Interlocked.Decrement(ref _inFlight);
        }

        return Task.CompletedTask;
    }

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        if (IsPipelineMessage<T>())
        {
            Interlocked.Decrement(ref _inFlight);
            Interlocked.Increment(ref _faulted);
        }

        return Task.CompletedTask;
    }

    private static bool IsPipelineMessage<T>() =>
        typeof(T) == typeof(ArticleFetched) || typeof(T) == typeof(ArticleParsed) || typeof(T) == typeof(ArticleEnriched)
        || typeof(T) == typeof(ArticleStored) || typeof(T) == typeof(ArticleUpdated) || typeof(T) == typeof(ArticleRejected);
}
