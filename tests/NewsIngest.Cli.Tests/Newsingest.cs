namespace NewsIngest.Cli.Tests;

/// <summary>Runs the built <c>newsingest</c> CLI as a process, as a user would.</summary>
public static class Newsingest
{
    public static readonly TimeSpan Deadline = TimeSpan.FromMinutes(3);

    public static string Dll => RepositoryPaths.ServiceDll("NewsIngest.Cli", "newsingest");

    public static async Task<CliRun> RunAsync(string workingDirectory, params string[] arguments)
    {
        await using var process = ServiceProcess.StartDll(Dll, arguments: arguments, workingDirectory: workingDirectory);
        var exitCode = await process.WaitForExitAsync(Deadline);
        await Task.Yield();
        return new CliRun(exitCode, process.Output.Where(l => !l.IsError).Select(l => l.Text).ToList(), process.ErrorLines);
    }

    public static ServiceProcess Start(string workingDirectory, params string[] arguments) =>
        ServiceProcess.StartDll(Dll, arguments: arguments, workingDirectory: workingDirectory);
}

/// <summary>What one CLI run printed and how it ended.</summary>
public sealed record CliRun(int ExitCode, IReadOnlyList<string> Output, IReadOnlyList<string> Errors)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{string.Join('\n', Output)}\nstderr:\n{string.Join('\n', Errors)}";
}
