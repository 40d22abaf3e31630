using System.Linq.Expressions;
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
    private static readonly Func<T, Guid>? ArticleIdOf = Accessor("ArticleId");

    public async Task Send(ConsumeContext<T> context, IPipe<ConsumeContext<T>> next)
    {
        using var article = ArticleIdOf is null ? null : SerilogContext.PushProperty("ArticleId", ArticleIdOf(context.Message));
        using var correlation = context.CorrelationId is { } correlationId ? SerilogContext.PushProperty("CorrelationId", correlationId) : null;
        await next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("articleLogScope");

    private static Func<T, Guid>? Accessor(string name)
    {
        var property = typeof(T).GetProperty(name);
        if (property?.PropertyType != typeof(Guid))
        {
            return null;
        }

        var message = Expression.Parameter(typeof(T));
        return Expression.Lambda<Func<T, Guid>>(Expression.Property(message, property), message).Compile();
    }
}
