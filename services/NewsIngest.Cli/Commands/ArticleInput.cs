using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;

namespace NewsIngest.Cli.Commands;

/// <summary>Parses a local file with the parser service's own code.</summary>
public static class ArticleInput
{
    private static readonly ArticleParsing Parsing = new();

    public static ParseOutcome Parse(byte[] bytes, ArticleSourceKind kind, string? url) =>
        Parsing.Parse(new ParseRequest { Kind = kind, Body = bytes, Url = url });

    /// <summary>The article in a local file, or the reason it holds none (exit code 3); warns when text is not UTF-8.</summary>
    public static ParsedArticle ParseText(string path, byte[] bytes, ArticleSourceKind kind, Uri? url)
    {
        if (kind == ArticleSourceKind.Text && InputFormats.IsUndeclaredNonUtf8(bytes))
        {
            Console.Error.WriteLine($"newsingest: warning: {ConsoleText.OneLine(path)} is not valid UTF-8 and has no byte-order mark; it was read as windows-1252");
        }

        var outcome = Parse(bytes, kind, url?.AbsoluteUri);
        return outcome.Article ?? throw CliException.NoArticle($"{ConsoleText.OneLine(path)} holds no article: {outcome.Rejection}");
    }
}
