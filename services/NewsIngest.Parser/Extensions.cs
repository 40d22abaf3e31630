using MassTransit;

namespace NewsIngest.Parser;

public static class Extensions
{
    public static IHostApplicationBuilder AddParser(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static IBusRegistrationConfigurator AddParserConsumers(this IBusRegistrationConfigurator bus)
    {
        return bus;
    }
}
