using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// Records 0 on the services' counters once the meter provider listens (OpenTelemetry's hosted service starts before
/// this one), so every series exists in <c>/metrics</c> from start-up: a dashboard's <c>rate()</c> starts from 0 and a
/// counter that never moved still shows, instead of appearing only at its first event.
/// </summary>
public sealed class CounterBaseline(IEnumerable<CounterBaselineAction> baselines) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var baseline in baselines)
        {
            baseline.Record();
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>One metrics class's <c>Add(0)</c> calls, for <see cref="CounterBaseline"/>.</summary>
public sealed record CounterBaselineAction(Action Record);

public static class CounterBaselineExtensions
{
    /// <summary>Runs <paramref name="baseline"/> (a metrics class's <c>Add(0)</c> calls) at start-up, after the meter provider started.</summary>
    public static IServiceCollection AddCounterBaseline(this IServiceCollection services, Action baseline)
    {
        services.AddSingleton(new CounterBaselineAction(baseline));
        services.AddHostedService<CounterBaseline>();
        return services;
    }
}
