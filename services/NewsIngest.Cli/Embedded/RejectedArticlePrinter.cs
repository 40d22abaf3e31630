using MassTransit;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;

namespace NewsIngest.Cli.Embedded;

/// <summary>One line on stdout per source item that held no article (recorded by the store as a rejection).</summary>
public sealed class RejectedArticlePrinter(RunSummary summary) : IConsumer<ArticleRejected>
{
    public Task Consume(ConsumeContext<ArticleRejected> context)
    {
        var rejection = context.Message;
        summary.CountRejected();
        Console.Out.WriteLine($"rejected {rejection.ArticleId} {ConsoleText.OneLine(rejection.Origin ?? "unknown origin")}: {ConsoleText.OneLine(rejection.Reason)}");
        return Task.CompletedTask;
    }
}
