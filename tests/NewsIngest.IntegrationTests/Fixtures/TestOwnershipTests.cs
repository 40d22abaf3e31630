using NewsIngest.Testing;
using Shouldly;
using Xunit;

namespace NewsIngest.IntegrationTests.Fixtures;

public sealed class TestOwnershipTests
{
    // Above any pid_max, so never the pid of a living process.
    private const string DeadOwner = "2147483646:1";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Sweep_OrphansOfDeadOwner_KillsThemAndDeletesTheirDirectories_KeepsLivingOnes()
    {
        // Arrange
        var root = TestDirectory.Create("sweep-root");
        var orphanDirectory = Directory.CreateDirectory(Path.Combine(root, "newsingest-rmq-orphan01")).FullName;
        File.WriteAllText(Path.Combine(orphanDirectory, ".owner"), DeadOwner);
        var ownDirectory = Directory.CreateDirectory(Path.Combine(root, "newsingest-rmq-current1")).FullName;
        TestOwnership.Claim(ownDirectory);
        await using var orphan = ServiceProcess.Start("/bin/sh", ["-c", "echo up; exec sleep 300"], environment: new Dictionary<string, string?>
        {
            [TestOwnership.Variable] = DeadOwner,
        });
        await using var own = ServiceProcess.Start("/bin/sh", ["-c", "echo up; exec sleep 300"]);
        await orphan.WaitForOutputAsync(line => line == "up", TimeSpan.FromSeconds(30), Cancellation);
        await own.WaitForOutputAsync(line => line == "up", TimeSpan.FromSeconds(30), Cancellation);

        // Act
        TestOwnership.Sweep(root);

        // Assert
        await Eventually.UntilAsync(() => orphan.HasExited, TimeSpan.FromSeconds(10), "the orphan process is killed", Cancellation);
        own.HasExited.ShouldBeFalse();
        Directory.Exists(orphanDirectory).ShouldBeFalse();
        Directory.Exists(ownDirectory).ShouldBeTrue();
        await TestDirectory.DeleteAsync(root);
    }
}
