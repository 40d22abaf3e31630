using System.Diagnostics;

namespace NewsIngest.Testing.Processes;

/// <summary>
/// A project published as the Dockerfiles publish the services (<c>dotnet publish -c Release -r linux-x64
/// --self-contained false</c>; ReadyToRun through Directory.Build.props for the services), so that what a load
/// driver or benchmark starts runs precompiled code, as a deployment does, instead of JIT-compiling under load.
/// </summary>
public static class ReadyToRunPublish
{
    public const string Arguments = "publish -c Release -r linux-x64 --self-contained false";

    /// <summary>Publishes <paramref name="csproj"/> into <paramref name="output"/>, with <paramref name="properties"/>
    /// (<c>-p:</c> arguments) added; throws when the publish fails. Its obj/ and bin/ go under <paramref name="buildRoot"/>
    /// (<c>NewsIngestBuildRoot</c>, Directory.Build.props), not the checkout's, so a <c>dotnet build</c> of the same
    /// checkout, before, during or after, keeps its own restore (a RID publish restores RID-specific assets); publishes
    /// that share one build root share the builds of the projects they have in common.</summary>
    public static async Task RunAsync(string csproj, string output, string buildRoot, TimeSpan timeout, params string[] properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetDirectoryName(csproj) };
        foreach (var argument in Arguments.Split(' ').Append(csproj).Concat(["-o", output, "-nologo"]).Concat(properties.Prepend("NewsIngestBuildRoot=" + buildRoot).Select(property => "-p:" + property)))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet publish did not start");
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish {Path.GetFileNameWithoutExtension(csproj)} exited {process.ExitCode}:\n{await standardOutput}\n{await standardError}");
        }
    }
}
