using MassTransit;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>
/// Sits inside the message retry and sees every attempt: an outage marks the endpoint as waiting for its dependency,
/// a success clears it. It changes no outcome: the exception goes on to the retry.
/// </summary>
public sealed class ConsumerOutageFilter<T>(ConsumerOutages outages) : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        var endpoint = EndpointNames.Of(context.ReceiveContext.InputAddress);
        try
        {
            await next.Send(context);
        }
        catch (Exception ex) when (TransientFaults.IsTransient(ex))
        {
            outages.Failed(endpoint, ex);
            throw;
        }

        outages.Succeeded(endpoint);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("consumer-outage");
}
