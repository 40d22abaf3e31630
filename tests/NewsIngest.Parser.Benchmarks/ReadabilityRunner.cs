using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace NewsIngest.Parser.Benchmarks;

/// <summary>Runs Mozilla Readability (npm, on jsdom) over the same pages through <c>readability/bench.mjs</c>,
/// installing its npm packages into <c>readability/node_modules</c> first when they are missing.</summary>
internal static partial class ReadabilityRunner
{
    /// <returns>Pages per second of wall clock and of the node process's CPU time.</returns>
    public static (double Wall, double Cpu) PagesPerSecond(string benchFolder, string devSet, int rounds)
    {
        if (!Directory.Exists(Path.Combine(benchFolder, "node_modules", "jsdom")))
        {
            Run("npm", ["install", "--no-audit", "--no-fund"], benchFolder);
        }

        var output = Run("node", ["bench.mjs", devSet, rounds.ToString(CultureInfo.InvariantCulture)], benchFolder);
        var match = PagesPerSecondLine().Match(output);
        if (!match.Success)
        {
            throw new InvalidOperationException("Unexpected output from bench.mjs: " + output);
        }

        return (double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    private static string Run(string program, string[] arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}");
        var output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}");
        }

        return output;
    }

    [GeneratedRegex(@"pagesPerSecond=([0-9.]+) cpuPagesPerSecond=([0-9.]+)")]
    private static partial Regex PagesPerSecondLine();
}
