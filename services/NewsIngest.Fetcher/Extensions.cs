using MassTransit;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsIngest.Data;
using NewsIngest.Fetcher.Articles;
using NewsIngest.Fetcher.Http;
using NewsIngest.Fetcher.Inbox;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.Fetcher.State;
using NewsIngest.Fetcher.Telemetry;
using NewsIngest.ServiceDefaults;
using Polly;

namespace NewsIngest.Fetcher;

public static class Extensions
{
    /// <summary>The fetcher's sources, its state store, the guarded resilient HTTP client for feeds and the fetch loop.</summary>
    public static IHostApplicationBuilder AddFetcher(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<FetcherOptions>(FetcherOptions.Section);
        services.TryAddTimeProvider();
        services.AddSingleton<IFetchedItemPublisher, FetchedItemPublisher>();
        services.AddSingleton<InboxScanner>();
        services.AddSingleton(sp => new FeedStateStore(
            CreateDialect(sp.GetRequiredService<IOptions<FetcherOptions>>().Value.State), sp.GetRequiredService<ILogger<FeedStateStore>>()));
        services.AddSingleton<FeedHttpClient>();
        services.AddSingleton<FeedPoller>();
        services.AddSingleton<LastPolls>();
        services.AddSingleton<ConfirmedPublishing>();
        services.AddSingleton<FullArticles>();
        services.AddSingleton<RobotsCache>();
        services.AddSingleton<FeedPollScheduler>();
        services.AddSingleton<FetchProgress>();
        services.AddSingleton<HostGates>();
        services.AddSingleton(sp => new AddressPolicy(sp.GetRequiredService<IOptions<FetcherOptions>>().Value.AllowedHosts));
        services.AddSingleton<GuardedConnector>();
        services.AddTransient<PolitenessHandler>();
        services.AddHostedService<FeedStateInitializer>();
        services.AddHostedService<FetchLoop>();
        services.AddHostedService<InboxLoop>();
        services.AddFeedsClient();
        builder.AddFetcherHealth();
        return builder;
    }

    /// <summary>The fetcher consumes nothing: it only publishes.</summary>
    public static IBusRegistrationConfigurator AddFetcherConsumers(this IBusRegistrationConfigurator bus) => bus;

    /// <summary>
    /// The <c>feeds</c> client: total timeout, retries with jitter on transient failures only, a circuit breaker and
    /// an attempt timeout, all per host; per-host politeness on every attempt; the SSRF guard on every connection;
    /// redirects left to <see cref="FeedHttpClient"/>.
    /// </summary>
    private static void AddFeedsClient(this IServiceCollection services)
    {
        services.AddHttpClient(FeedHttpClient.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<FetcherOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline and FeedHttpClient own timeouts
            })
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                AllowAutoRedirect = false,
                UseCookies = false,
                UseProxy = false,
                ConnectTimeout = sp.GetRequiredService<IOptions<FetcherOptions>>().Value.RequestTimeout,
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectCallback = sp.GetRequiredService<GuardedConnector>().ConnectAsync,
            })
            .AddResilienceHandler("feeds", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<FetcherOptions>>().Value;
                pipeline.AddTimeout(options.TotalTimeout);
                if (options.MaxRetries > 0)
                {
                    pipeline.AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = options.MaxRetries,
                        UseJitter = true,
                        BackoffType = DelayBackoffType.Exponential,
                        Delay = options.RetryDelay,
                        ShouldRetryAfterHeader = false,
                        ShouldHandle = args => ValueTask.FromResult(TransientFailures.IsTransient(args.Outcome)),
                    });
                }

                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                {
                    FailureRatio = 0.5,
                    MinimumThroughput = 8,
                    SamplingDuration = TimeSpan.FromMinutes(1),
                    BreakDuration = TimeSpan.FromSeconds(30),
                    ShouldHandle = args => ValueTask.FromResult(TransientFailures.IsTransient(args.Outcome)),
                });
                pipeline.AddTimeout(options.RequestTimeout);
            })
            .SelectPipelineByAuthority()
            .Services.AddHttpClient(FeedHttpClient.ClientName).AddHttpMessageHandler<PolitenessHandler>();
    }

    private static SqlDialect CreateDialect(FeedStateOptions state) => state.Provider switch
    {
        FeedStateProvider.Postgres => SqlDialect.Postgres(state.ConnectionString!),
        FeedStateProvider.Sqlite => SqlDialect.Sqlite(state.ConnectionString!, writeAheadLog: true),
        _ => SqlDialect.Memory(),
    };
}
