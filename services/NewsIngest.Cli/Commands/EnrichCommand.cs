using System.CommandLine;
using NewsIngest.Cli.Output;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest enrich FILE [--format text|html] [--url URL]</c>: parse, enrich, print JSON.</summary>
public static class EnrichCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A plain-text wire article or an HTML page.", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string?>("--url") { Description = "The URL the file was fetched from." };
        var format = InputFormats.Option("The article's format; detected from its bytes when left out");
        var command = new Command("enrich", "Print the parsed and enriched article as JSON.") { file, url, format };
        command.SetAction(result =>
        {
            var input = result.GetValue(file) ?? throw CliException.Usage("enrich needs a FILE (a text article or an HTML page)");
            var link = InputFile.ParseUrl(result.GetValue(url));
            var requested = InputFormats.Parse(result.GetValue(format));
            var bytes = InputFile.Read(input);
            var kind = InputFormats.Resolve(requested, input.FullName, bytes) switch
            {
                InputFormat.Html => ArticleSourceKind.Html,
                InputFormat.Feed => throw CliException.NoArticle(
                    $"{input.FullName} is a feed, not an article: 'newsingest parse {input.Name}' lists its items (or give --format text|html)"),
                _ => ArticleSourceKind.Text,
            };
            var article = ArticleInput.ParseText(input.FullName, bytes, kind, link);

            var builder = Host.CreateApplicationBuilder();
            builder.Logging.ClearProviders();
            builder.AddSerilogDefaults("cli");
            builder.Services.AddEnrichment();
            using var host = builder.Build();
            var enrichment = host.Services.GetRequiredService<ArticleEnricher>().Enrich(article);
            CliJson.Write(ArticleJson.From(article, enrichment));
            return ExitCodes.Ok;
        });
        return command;
    }
}
