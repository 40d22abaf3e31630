using MassTransit;

namespace NewsIngest.Enricher;

public static class Extensions
{
    public static IHostApplicationBuilder AddEnricher(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static IBusRegistrationConfigurator AddEnricherConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
