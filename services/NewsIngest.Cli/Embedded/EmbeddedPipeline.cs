using MassTransit;
using NewsIngest.Enricher;
using NewsIngest.Fetcher;
using NewsIngest.Parser;
using NewsIngest.ServiceDefaults;
using NewsIngest.Store;

namespace NewsIngest.Cli.Embedded;

/// <summary>All four services in one process: the in-memory transport, SQLite, the same consumers.</summary>
public static class EmbeddedPipeline
{
    public const string ServiceName = "newsingest";

    public static IHost Build(IReadOnlyDictionary<string, string?> settings)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            ContentRootPath = AppContext.BaseDirectory,
            Configuration = new ConfigurationManager(),
        });
        builder.Configuration
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "newsingest.json"), optional: false)
            .AddEnvironmentVariables("NEWSINGEST_")
            .AddInMemoryCollection(settings);
        builder.Logging.ClearProviders();
        builder.AddServiceDefaults(ServiceName);
        builder.AddStore();
        builder.AddFetcher();
        builder.AddParser();
        builder.AddEnricher();
        builder.Services.AddSingleton<RunSummary>();
        builder.Services.AddSingleton<PipelineIdleMonitor>();
        builder.AddMessaging(ServiceName, bus =>
        {
            bus.AddFetcherConsumers().AddParserConsumers().AddEnricherConsumers().AddStoreConsumers();
            bus.AddConsumer<StoredArticlePrinter>();
            bus.AddConsumer<UpdatedArticlePrinter>();
            bus.AddConsumer<RejectedArticlePrinter>();
            bus.AddConsumeObserver(sp => sp.GetRequiredService<PipelineIdleMonitor>());
            bus.AddPublishObserver(sp => sp.GetRequiredService<PipelineIdleMonitor>());
        });
        return builder.Build();
    }
}
