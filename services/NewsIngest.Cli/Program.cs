using System.CommandLine;
using NewsIngest.Cli.Commands;

namespace NewsIngest.Cli;

/// <summary><c>newsingest</c>: the all-in-one pipeline and the operator's tools.</summary>
internal static class Program
{
    public static Task<int> Main(string[] args)
    {
        var root = new RootCommand("NewsIngest: news feeds and wire articles in, enriched deduplicated records out.")
        {
            RunCommand.Create(),
            ParseCommand.Create(),
            EnrichCommand.Create(),
            TailCommand.Create(),
            DedupCommand.Create(),
            StatusCommand.Create(),
        };
        return root.Parse(args).InvokeAsync();
    }
}
