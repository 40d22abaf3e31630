using MassTransit;
using Microsoft.Extensions.Logging;
using NewsIngest.ServiceDefaults.Reliability;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// One ERROR line when a message has failed for good (retries spent) and goes to the endpoint's
/// <c>_error</c> queue, with the article it was about and a short reason (the whole exception is in the message's
/// <c>MT-Fault-*</c> headers: <c>newsingest errors show</c>).
/// </summary>
public sealed class ConsumeFaultLogger(ILogger<ConsumeFaultLogger> logger) : IConsumeObserver
{
    public Task PreConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task PostConsume<T>(ConsumeContext<T> context)
        where T : class => Task.CompletedTask;

    public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception)
        where T : class
    {
        using var scope = logger.BeginScope(new Dictionary<string, object?>
        {
            ["ArticleId"] = ArticleIdOf.Get(context.Message),
            ["CorrelationId"] = context.CorrelationId,
        });
        logger.LogError(
            "Giving up on {MessageType} {MessageId} for article {ArticleId} from {Endpoint}: {Reason}; it goes to the error queue",
            typeof(T).Name, context.MessageId, ArticleIdOf.Get(context.Message), EndpointNames.Of(context.ReceiveContext.InputAddress), FaultReason.Of(exception));
        return Task.CompletedTask;
    }
}
