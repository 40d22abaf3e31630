using NewsIngest.Cli.Terminal;
using NewsIngest.Parser.Extraction.Evaluation;

namespace NewsIngest.Cli.Commands;

/// <summary><c>parse --report DEVSET</c>: scores the extractor on a dev set folder (<c>ground-truth.json</c> and
/// <c>pages/ID.html</c>) and prints the pages below 0.8 worst first, every metadata miss, and the totals.</summary>
public static class ReportCommand
{
    public static int Run(DirectoryInfo devSet)
    {
        if (!File.Exists(Path.Combine(devSet.FullName, "ground-truth.json")))
        {
            throw CliException.Usage($"{devSet.FullName}: no ground-truth.json (a dev set folder holds ground-truth.json and pages/ID.html)");
        }

        Console.Write(DevSetEvaluation.Report(DevSetEvaluation.Run(devSet.FullName)));
        return ExitCodes.Ok;
    }
}
