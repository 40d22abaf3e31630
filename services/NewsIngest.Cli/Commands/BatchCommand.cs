using NewsIngest.Cli.Terminal;
using NewsIngest.Parser.Extraction;

namespace NewsIngest.Cli.Commands;

/// <summary><c>parse --batch LIST --out DIR</c>: every page of the list; a failed line is reported and the rest go on.</summary>
public static class BatchCommand
{
    public static int Run(FileInfo list, DirectoryInfo folder)
    {
        if (!list.Exists)
        {
            throw CliException.Usage($"{list.FullName}: no such file (the --batch list of ID<TAB>FILE<TAB>URL lines)");
        }

        var result = BatchExtraction.Run(list.FullName, folder.FullName, (line, reason) =>
            Console.Error.WriteLine($"newsingest: {ConsoleText.OneLine(list.Name)} line {line}: {ConsoleText.OneLine(reason)}"));
        Console.Error.WriteLine($"{result.Written} pages extracted to {folder.FullName}, {result.Failed} failed");
        return result.Failed == 0 ? ExitCodes.Ok : ExitCodes.Failure;
    }
}
