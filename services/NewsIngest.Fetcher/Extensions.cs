using MassTransit;

namespace NewsIngest.Fetcher;

public static class Extensions
{
    public static IHostApplicationBuilder AddFetcher(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static IBusRegistrationConfigurator AddFetcherConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
