using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Reliability;

/// <summary>Runs the built <c>newsingest</c> CLI to its end and returns what it printed.</summary>
public static class NewsIngestCli
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static async Task<CliResult> RunAsync(params string[] arguments)
    {
        await using var cli = ServiceProcess.StartDll(RepositoryPaths.ServiceDll("NewsIngest.Cli", "newsingest"), arguments: arguments);
        var exitCode = await cli.WaitForExitAsync(Timeout);
        return new CliResult(
            exitCode,
            [.. cli.Output.Where(line => !line.IsError).Select(line => line.Text)],
            [.. cli.Output.Where(line => line.IsError).Select(line => line.Text)]);
    }
}

public sealed record CliResult(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{string.Join('\n', Output)}\nstderr:\n{string.Join('\n', Errors)}";
}
