using MassTransit;
using NewsIngest.Enricher.Consumers;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Enricher;

public static class Extensions
{
    public static IHostApplicationBuilder AddEnricher(this IHostApplicationBuilder builder)
    {
        builder.Services.AddEnrichment();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddCounterBaseline(Telemetry.EnricherMetrics.RecordBaseline);
        return builder;
    }

    public static IBusRegistrationConfigurator AddEnricherConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ArticleParsedConsumer>();
        return bus;
    }
}
