using MassTransit;

namespace NewsIngest.Cli.Commands.Errors;

/// <summary>
/// The error queues of the pipeline's consumers, named as the services name them (MassTransit's kebab-case formatter
/// with the service's prefix, then <c>_error</c>), so <c>errors list</c> needs no management API.
/// </summary>
public static class PipelineErrorQueues
{
    public const string Suffix = "_error";

    public static IReadOnlyList<string> All { get; } =
    [
        Of<NewsIngest.Parser.Consumers.ArticleFetchedConsumer>("parser"),
        Of<NewsIngest.Enricher.Consumers.ArticleParsedConsumer>("enricher"),
        Of<NewsIngest.Store.Consumers.ArticleEnrichedConsumer>("store"),
        Of<NewsIngest.Store.Consumers.ArticleRejectedConsumer>("store"),
    ];

    private static string Of<TConsumer>(string prefix)
        where TConsumer : class, IConsumer =>
        new KebabCaseEndpointNameFormatter(prefix, false).Consumer<TConsumer>() + Suffix;
}
