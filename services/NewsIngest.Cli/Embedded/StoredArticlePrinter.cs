using MassTransit;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;

namespace NewsIngest.Cli.Embedded;

/// <summary>The all-in-one mode's topic subscriber: one line on stdout per stored record.</summary>
public sealed class StoredArticlePrinter(RunSummary summary) : IConsumer<ArticleStored>
{
    public Task Consume(ConsumeContext<ArticleStored> context)
    {
        var record = context.Message;
        summary.CountStored();
        Console.Out.WriteLine(
            $"stored {record.ArticleId} {record.Enrichment.Language}/{record.Category} {record.Enrichment.WordCount}w \"{ConsoleText.OneLine(record.Article.Title)}\" ({ConsoleText.OneLine(record.Article.Source ?? "unknown source")})");
        return Task.CompletedTask;
    }
}
