using MassTransit;

namespace NewsIngest.Store;

public static class Extensions
{
    public static IHostApplicationBuilder AddStore(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static IBusRegistrationConfigurator AddStoreConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
