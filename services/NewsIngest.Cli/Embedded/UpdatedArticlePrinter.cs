using MassTransit;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;

namespace NewsIngest.Cli.Embedded;

/// <summary>One line on stdout per new sighting of a stored story (another feed, site or copy).</summary>
public sealed class UpdatedArticlePrinter(RunSummary summary) : IConsumer<ArticleUpdated>
{
    public Task Consume(ConsumeContext<ArticleUpdated> context)
    {
        var update = context.Message;
        summary.CountUpdated();
        Console.Out.WriteLine($"updated {update.StoryId} new sighting {update.ArticleId} ({update.Reason}, {ConsoleText.OneLine(update.Source ?? "unknown source")})");
        return Task.CompletedTask;
    }
}
