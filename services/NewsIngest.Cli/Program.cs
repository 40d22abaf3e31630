using System.CommandLine;
using NewsIngest.Cli.Commands;
using NewsIngest.Cli.Terminal;

namespace NewsIngest.Cli;

/// <summary><c>newsingest</c>: the all-in-one pipeline and the operator's tools.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var verbose = new Option<bool>("--verbose") { Description = "On an error, print its full trace too.", Recursive = true };
        var root = new RootCommand("NewsIngest: news feeds and wire articles in, enriched deduplicated records out.")
        {
            RunCommand.Create(),
            ParseCommand.Create(),
            EnrichCommand.Create(),
            TailCommand.Create(),
            DedupCommand.Create(),
            ArticlesCommand.Create(),
            StoriesCommand.Create(),
        };
        root.Options.Add(verbose);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line naming what is wrong and where to look: usage errors never start anything.
            Console.Error.WriteLine($"newsingest: {ConsoleText.OneLine(result.Errors[0].Message)} (see 'newsingest {CommandPath(result)} --help')");
            return ExitCodes.Usage;
        }

        try
        {
            return await result.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return CliErrors.Report(ex, result.GetValue(verbose), Console.Error);
        }
    }

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command is not null && command.Command is not RootCommand; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', names).Trim();
    }
}
