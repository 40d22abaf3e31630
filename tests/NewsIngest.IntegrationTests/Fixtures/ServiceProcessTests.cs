using System.Text.RegularExpressions;
using NewsIngest.Testing;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed partial class ServiceProcessTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Start_DotnetVersion_CapturesVersionLineAndExitCode()
    {
        // Arrange
        await using var process = ServiceProcess.Start(DotnetHost.Path, ["--version"], RepositoryPaths.Root);

        // Act
        var line = await process.WaitForOutputAsync(text => VersionLine().IsMatch(text), Deadline, Cancellation);
        var exitCode = await process.WaitForExitAsync(Deadline, Cancellation);

        // Assert
        line.ShouldStartWith("10.");
        exitCode.ShouldBe(0);
        process.HasExited.ShouldBeTrue();
        process.Lines.ShouldContain(line);
    }

    [Fact]
    public async Task StartDll_Assembly_RunsItWithDotnetAndIsNamedAfterIt()
    {
        // Arrange
        var library = typeof(FreePort).Assembly.Location;

        // Act
        await using var process = ServiceProcess.StartDll(library);
        var exitCode = await process.WaitForExitAsync(Deadline, Cancellation);

        // Assert
        process.Description.ShouldBe("NewsIngest.Testing");
        process.CommandLine.ShouldBe($"{DotnetHost.Path} {library}");
        exitCode.ShouldNotBe(0); // a class library has no entry point; the host says so and fails
        process.Lines.ShouldNotBeEmpty();
    }

    [Fact]
    public void StartDll_MissingAssembly_ThrowsFileNotFound()
    {
        // Act
        var missing = Should.Throw<FileNotFoundException>(() => ServiceProcess.StartDll("/nonexistent/NewsIngest.Nothing.dll"));

        // Assert
        missing.Message.ShouldContain("build the solution first");
    }

    [Fact]
    public async Task Start_WithEnvironment_PassesVariablesToProcess()
    {
        // Arrange
        var environment = new Dictionary<string, string?> { ["Messaging__Transport"] = "RabbitMq" };
        await using var process = ServiceProcess.Start("/bin/sh", ["-c", "echo \"transport=$Messaging__Transport\""], environment: environment);

        // Act
        var line = await process.WaitForOutputAsync(text => text.StartsWith("transport=", StringComparison.Ordinal), Deadline, Cancellation);

        // Assert
        line.ShouldBe("transport=RabbitMq");
    }

    [Fact]
    public async Task WaitForOutput_ProcessExitsWithoutMatch_ThrowsWithExitCodeAndOutput()
    {
        // Arrange
        await using var process = ServiceProcess.Start("/bin/sh", ["-c", "echo starting; echo 'config missing' >&2; exit 3"]);

        // Act
        var failure = await Should.ThrowAsync<InvalidOperationException>(
            () => process.WaitForOutputAsync(text => text.Contains("Now listening", StringComparison.Ordinal), Deadline, Cancellation));

        // Assert
        failure.Message.ShouldContain("exited with code 3");
        failure.Message.ShouldContain("[stderr] config missing");
        process.ErrorLines.ShouldBe(["config missing"]);
        process.ExitCode.ShouldBe(3);
    }

    [Fact]
    public async Task WaitForOutput_LineNeverPrinted_TimesOutWithOutput()
    {
        // Arrange
        await using var process = ServiceProcess.Start("/bin/sh", ["-c", "echo waiting; exec sleep 60"]);
        await process.WaitForOutputAsync(text => text == "waiting", Deadline, Cancellation);

        // Act
        var failure = await Should.ThrowAsync<TimeoutException>(
            () => process.WaitForOutputAsync(text => text == "done", TimeSpan.FromMilliseconds(200), Cancellation));

        // Assert
        failure.Message.ShouldContain("waiting");
        process.HasExited.ShouldBeFalse();
    }

    [Fact]
    public async Task DisposeAsync_ProcessWithChild_KillsWholeTree()
    {
        // Arrange
        var process = ServiceProcess.Start("/bin/sh", ["-c", "sleep 300 & echo child=$!; wait"]);
        var childLine = await process.WaitForOutputAsync(text => text.StartsWith("child=", StringComparison.Ordinal), Deadline, Cancellation);
        var childId = int.Parse(childLine["child=".Length..], System.Globalization.CultureInfo.InvariantCulture);
        var parentId = process.ProcessId;

        // Act
        await process.DisposeAsync();

        // Assert
        process.HasExited.ShouldBeTrue();
        await Eventually.UntilAsync(
            () => !Directory.Exists($"/proc/{childId}") && !Directory.Exists($"/proc/{parentId}"),
            TimeSpan.FromSeconds(10),
            "the killed shell and its sleeping child are gone",
            Cancellation);
    }

    [GeneratedRegex(@"^\d+\.\d+\.\d+")]
    private static partial Regex VersionLine();
}
