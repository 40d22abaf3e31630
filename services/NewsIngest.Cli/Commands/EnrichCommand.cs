using System.CommandLine;
using NewsIngest.Cli.Output;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest enrich FILE [--format text|html] [--url URL]</c>: parse, enrich, print JSON.</summary>
public static class EnrichCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("file") { Description = "A plain-text wire article or an HTML page." };
        var url = new Option<string?>("--url") { Description = "The URL the file was fetched from." };
        var format = new Option<InputFormat>("--format") { Description = "text or html; guessed when left out." };
        var command = new Command("enrich", "Print the parsed and enriched article as JSON.") { file, url, format };
        command.SetAction(result =>
        {
            var input = result.GetValue(file)!;
            var bytes = File.ReadAllBytes(input.FullName);
            var kind = InputFormats.Resolve(result.GetValue(format), input.Name, bytes) == InputFormat.Html ? ArticleSourceKind.Html : ArticleSourceKind.Text;
            var outcome = ArticleInput.Parse(bytes, kind, result.GetValue(url));
            if (outcome.Article is null)
            {
                Console.Error.WriteLine($"no article: {outcome.Rejection}");
                return 3;
            }

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.AddSerilogDefaults("cli");
            builder.Services.AddEnrichment();
            using var host = builder.Build();
            var enrichment = host.Services.GetRequiredService<ArticleEnricher>().Enrich(outcome.Article);
            CliJson.Write(ArticleJson.From(outcome.Article, enrichment));
            return 0;
        });
        return command;
    }
}
