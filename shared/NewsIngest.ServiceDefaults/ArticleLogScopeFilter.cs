using MassTransit;
using SerilogContext = Serilog.Context.LogContext;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Puts the consumed message's <c>ArticleId</c> and <c>CorrelationId</c> on every log event written while
/// it is handled, so one article can be followed through all four services' logs.
/// </summary>
public sealed class ArticleLogScopeFilter<T> : IFilter<ConsumeContext<T>>
    where T : class
{
    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using var article = ArticleIdOf.Get(context.Message) is { } articleId ? SerilogContext.PushProperty("ArticleId", articleId) : null;
        using var correlation = context.CorrelationId is { } correlationId ? SerilogContext.PushProperty("CorrelationId", correlationId) : null;
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("articleLogScope");
}
