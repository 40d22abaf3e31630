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
            Commands.Errors.ErrorsCommand.Create(),
        };
        root.Options.Add(verbose);
        var result = root.Parse(args);
        if (result.Errors.Count > 0)
        {
            // One line naming what is wrong and where to look: usage errors never start anything.
            Console.Error.WriteLine($"newsingest: {UsageErrors(root, result)} (see '{CommandPath(result)} --help')");
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

    private static string UsageErrors(RootCommand root, ParseResult result)
    {
        var messages = result.Errors.Select(error => ConsoleText.OneLine(error.Message)).ToList();
        if (result.CommandResult.Command == root && FirstToken(result) is { } first && !first.StartsWith('-'))
        {
            messages = [$"unknown command '{ConsoleText.OneLine(first)}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}"];
        }

        return string.Join("; ", messages.Distinct());

        static string? FirstToken(ParseResult parsed) => parsed.Tokens.Count > 0 ? parsed.Tokens[0].Value : null;
    }

    private static string CommandPath(ParseResult result)
    {
        var names = new List<string>();
        for (var command = result.CommandResult; command is not null; command = command.Parent as System.CommandLine.Parsing.CommandResult)
        {
            names.Insert(0, command.Command.Name);
        }

        names[0] = "newsingest";
        return string.Join(' ', names);
    }
}
