using MassTransit;
using NewsIngest.Parser.Consumers;
using NewsIngest.Parser.Parsing;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Parser;

public static class Extensions
{
    public static IHostApplicationBuilder AddParser(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<Extraction.ArticleExtractor>();
        builder.Services.AddSingleton<ArticleParsing>();
        builder.Services.TryAddTimeProvider();
        builder.Services.AddCounterBaseline(Telemetry.ParserMetrics.RecordBaseline);
        return builder;
    }

    public static IBusRegistrationConfigurator AddParserConsumers(this IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<ArticleFetchedConsumer>();
        return bus;
    }
}
