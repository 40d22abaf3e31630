namespace NewsIngest.Cli.Tests;

/// <summary><c>newsingest parse --report DEVSET</c> over the benchmark's dev pages beside the repository.</summary>
public sealed class ParseReportTests
{
    [Fact]
    public async Task ParseReport_AebDevSet_PrintsTotalsLine()
    {
        // Arrange
        var devSet = Path.Combine(RepositoryPaths.SharedData, "aeb-dev");

        // Act
        var run = await Newsingest.RunAsync(RepositoryPaths.Root, "parse", "--report", devSet);

        // Assert
        run.ExitCode.ShouldBe(0, run.ToString());
        run.Output[^1].ShouldStartWith("F1=", Case.Sensitive, run.ToString());
        run.Output[^1].ShouldContain("N=54", Case.Sensitive, run.ToString());
    }
}
