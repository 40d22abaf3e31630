using Microsoft.Extensions.Options;
using NewsIngest.ServiceDefaults;
using Npgsql;

namespace NewsIngest.Fetcher.Telemetry;

public static class FetcherTelemetryExtensions
{
    /// <summary>
    /// The fetcher's instruments from start-up, and its readiness: its loop is alive and, when its state is in
    /// PostgreSQL, that database answers.
    /// </summary>
    public static IHostApplicationBuilder AddFetcherHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddCounterBaseline(FetcherMetrics.RecordBaseline);
        builder.Services.AddValidatedOptions<FetcherHealthOptions>(FetcherHealthOptions.Section);
        var checks = builder.Services.AddHealthChecks().AddCheck<FetchLoopHealthCheck>("fetch-loop");
        var state = builder.Configuration.GetSection($"{FetcherOptions.Section}:State");
        if (state.GetValue<FeedStateProvider>("Provider") == FeedStateProvider.Postgres && state["ConnectionString"] is { Length: > 0 } connectionString)
        {
            builder.Services.AddKeyedSingleton("fetcher-state-health", (_, _) => NpgsqlDataSource.Create(connectionString));
            checks.Add(new Microsoft.Extensions.Diagnostics.HealthChecks.HealthCheckRegistration(
                "state-database",
                sp => new DataSourceHealthCheck(sp.GetRequiredKeyedService<NpgsqlDataSource>("fetcher-state-health"), "the feed state database"),
                failureStatus: null,
                tags: null));
        }

        return builder;
    }
}
