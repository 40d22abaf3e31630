using MassTransit;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using NewsIngest.Fetcher.Inbox;
using NewsIngest.Fetcher.Polling;
using NewsIngest.Fetcher.Publishing;
using NewsIngest.ServiceDefaults;
using Polly;

namespace NewsIngest.Fetcher;

public static class Extensions
{
    /// <summary>The fetcher's sources, the resilient HTTP client for feeds and the fetch loop.</summary>
    public static IHostApplicationBuilder AddFetcher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<FetcherOptions>(FetcherOptions.Section);
        builder.Services.TryAddTimeProvider();
        builder.Services.AddSingleton<FetchedItemPublisher>();
        builder.Services.AddSingleton<InboxScanner>();
        builder.Services.AddSingleton<SeenItems>();
        builder.Services.AddSingleton<FeedPoller>();
        builder.Services.AddSingleton<FetchProgress>();
        builder.Services.AddHostedService<FetchLoop>();

        builder.Services.AddHttpClient(FeedPoller.ClientName)
            .ConfigureHttpClient((sp, client) =>
            {
                var options = sp.GetRequiredService<IOptions<FetcherOptions>>().Value;
                client.DefaultRequestHeaders.UserAgent.ParseAdd(options.UserAgent);
                client.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline owns timeouts
            })
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                AutomaticDecompression = System.Net.DecompressionMethods.All,
                MaxAutomaticRedirections = 5,
            })
            .AddResilienceHandler("feeds", (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<FetcherOptions>>().Value;
                pipeline.AddTimeout(options.RequestTimeout * 3);
                pipeline.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 3, UseJitter = true, BackoffType = Polly.DelayBackoffType.Exponential, Delay = TimeSpan.FromMilliseconds(500) });
                pipeline.AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions { FailureRatio = 0.5, MinimumThroughput = 4, SamplingDuration = TimeSpan.FromMinutes(1), BreakDuration = TimeSpan.FromSeconds(30) });
                pipeline.AddTimeout(options.RequestTimeout);
            })
            .SelectPipelineByAuthority();
        return builder;
    }

    /// <summary>The fetcher consumes nothing: it only publishes.</summary>
    public static IBusRegistrationConfigurator AddFetcherConsumers(this IBusRegistrationConfigurator bus) => bus;
}
