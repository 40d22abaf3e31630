using System.CommandLine;
using NewsIngest.Cli.Output;
using NewsIngest.Contracts;
using NewsIngest.Fetcher.Feeds;
using NewsIngest.Parser.Extraction;
using NewsIngest.Parser.Parsing;

namespace NewsIngest.Cli.Commands;

/// <summary><c>newsingest parse FILE [--url URL] [--format text|html|feed]</c> and <c>parse --batch LIST --out DIR</c>.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo?>("file") { Description = "A text article, an HTML page or a feed.", Arity = ArgumentArity.ZeroOrOne };
        var url = new Option<string?>("--url") { Description = "The URL the file was fetched from (base for relative links, evidence for metadata)." };
        var format = new Option<InputFormat>("--format") { Description = "text, html or feed; guessed when left out." };
        var batch = new Option<FileInfo?>("--batch") { Description = "A TSV of ID<TAB>FILE<TAB>URL lines: extract every page in one process." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "With --batch: the folder that receives ID.json per page." };
        var command = new Command("parse", "Print the parsed article (or feed) as JSON.") { file, url, format, batch, output };
        command.SetAction(result =>
        {
            if (result.GetValue(batch) is { } list)
            {
                var folder = result.GetValue(output) ?? throw new ArgumentException("--batch needs --out DIR");
                var count = BatchExtraction.Run(list.FullName, folder.FullName);
                Console.Error.WriteLine($"{count} pages extracted to {folder.FullName}");
                return 0;
            }

            var input = result.GetValue(file) ?? throw new ArgumentException("parse needs a FILE (or --batch LIST --out DIR)");
            return Print(input, result.GetValue(url), result.GetValue(format));
        });
        return command;
    }

    private static int Print(FileInfo input, string? url, InputFormat requested)
    {
        var bytes = File.ReadAllBytes(input.FullName);
        switch (InputFormats.Resolve(requested, input.Name, bytes))
        {
            case InputFormat.Feed:
                var location = url is not null ? new Uri(url) : new Uri(input.FullName);
                try
                {
                    CliJson.Write(FeedParser.Parse(bytes, contentType: null, location));
                    return 0;
                }
                catch (FeedFormatException ex)
                {
                    Console.Error.WriteLine($"not a feed: {ex.Message}");
                    return 3;
                }

            case InputFormat.Html:
                var extracted = new ArticleExtractor().Extract(HtmlDecoding.Decode(bytes, contentType: null), url is null ? null : new Uri(url));
                CliJson.Write(extracted);
                return extracted.NoArticleReason is null ? 0 : 3;
            default:
                var outcome = ArticleInput.Parse(bytes, ArticleSourceKind.Text, url);
                if (outcome.Article is null)
                {
                    Console.Error.WriteLine($"no article: {outcome.Rejection}");
                    return 3;
                }

                CliJson.Write(ArticleJson.From(outcome.Article, enrichment: null));
                return 0;
        }
    }
}
