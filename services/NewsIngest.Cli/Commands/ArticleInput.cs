using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;

namespace NewsIngest.Cli.Commands;

/// <summary>Parses a local file with the parser service's own code.</summary>
public static class ArticleInput
{
    private static readonly ArticleParsing Parsing = new();

    public static ParseOutcome Parse(byte[] bytes, ArticleSourceKind kind, string? url) =>
        Parsing.Parse(new ParseRequest { Kind = kind, Body = bytes, Url = url });
}
