using System.CommandLine;
using NewsIngest.Cli.Output;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Parser.Extraction;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest parse FILE [--url URL] [--format text|html|feed]</c> and <c>parse --batch LIST --out DIR</c>.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A text article, an HTML page or a feed.", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string?>("--url") { Description = "The URL the file was fetched from (base for relative links, evidence for metadata)." };
        var format = InputFormats.Option("The input's format; detected from its bytes when left out");
        var batch = new Option<FileInfo?>("--batch") { Description = "A TSV of ID<TAB>FILE<TAB>URL lines: extract every page in one process." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "With --batch: the folder that receives ID.json per page." };
        var command = new Command("parse", "Print the parsed article (or feed) as JSON.") { file, url, format, batch, output };
        command.SetAction(result =>
        {
            if (result.GetValue(batch) is { } list)
            {
                var folder = result.GetValue(output) ?? throw CliException.Usage("--batch needs --out DIR (the folder for the ID.json results)");
                return BatchCommand.Run(list, folder);
            }

            if (result.GetValue(output) is not null)
            {
                throw CliException.Usage("--out goes with --batch LIST");
            }

            var input = result.GetValue(file) ?? throw CliException.Usage("parse needs a FILE (or --batch LIST --out DIR)");
            return Print(input, InputFile.ParseUrl(result.GetValue(url)), InputFormats.Parse(result.GetValue(format)));
        });
        return command;
    }

    private static int Print(FileInfo input, Uri? url, InputFormat requested)
    {
        var bytes = InputFile.Read(input);
        switch (InputFormats.Resolve(requested, input.FullName, bytes))
        {
            case InputFormat.Feed:
                try
                {
                    CliJson.Write(FeedParser.Parse(bytes, contentType: null, url ?? new Uri(input.FullName)));
                    return ExitCodes.Ok;
                }
                catch (FeedFormatException ex)
                {
                    throw CliException.NoArticle($"{input.FullName} is not a feed: {ex.Message}");
                }

            case InputFormat.Html:
                var extracted = new ArticleExtractor().Extract(HtmlDecoding.Decode(bytes, contentType: null), url);
                CliJson.Write(extracted);
                return extracted.NoArticleReason is null ? ExitCodes.Ok : ExitCodes.NoArticle;
            default:
                var article = ArticleInput.ParseText(input.FullName, bytes, ArticleSourceKind.Text, url);
                CliJson.Write(ArticleJson.From(article, enrichment: null));
                return ExitCodes.Ok;
        }
    }
}
