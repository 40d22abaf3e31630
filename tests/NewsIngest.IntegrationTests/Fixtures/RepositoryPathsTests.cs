using NewsIngest.Testing;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class RepositoryPathsTests
{
    [Fact]
    public void Root_FromTestOutput_HoldsSolutionFile()
    {
        // Act
        var root = RepositoryPaths.Root;

        // Assert
        File.Exists(Path.Combine(root, "NewsIngest.sln")).ShouldBeTrue();
        RepositoryPaths.SharedData.ShouldBe(Path.GetFullPath(Path.Combine(root, "..", "shared")));
    }

    [Fact]
    public void ServiceDll_ProjectNotBuilt_ThrowsNamingExpectedPathInTestConfiguration()
    {
        // Arrange
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

        // Act
        var missing = Should.Throw<FileNotFoundException>(() => RepositoryPaths.ServiceDll("NewsIngest.NotAProject"));

        // Assert
        RepositoryPaths.Configuration.ShouldBe(configuration);
        missing.FileName.ShouldBe(Path.Combine(
            RepositoryPaths.Root, "services", "NewsIngest.NotAProject", "bin", configuration, "net10.0", "NewsIngest.NotAProject.dll"));
    }
}
