using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Configuration;

public sealed class StartupValidationTests
{
    [Fact]
    public async Task Store_WithoutConnectionString_StopsWithOneFatalLineNamingTheSetting()
    {
        await using var store = ServiceProcess.StartDll(
            RepositoryPaths.ServiceDll("NewsIngest.Store"),
            new Dictionary<string, string?>
            {
                ["Messaging__Transport"] = "RabbitMq",
                ["Messaging__ClaimCheckPath"] = Path.GetTempPath(),
                ["Store__Provider"] = "Postgres",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
                ["Logs__Format"] = "json",
            });

        var exitCode = await store.WaitForExitAsync(TimeSpan.FromSeconds(60));

        exitCode.ShouldBe(2);
        var fatal = store.Lines.Where(l => l.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal)).ShouldHaveSingleItem();
        fatal.ShouldContain("Store:ConnectionString");
    }

    [Fact]
    public async Task Parser_WithUnknownTransport_StopsNamingMessagingTransport()
    {
        await using var parser = ServiceProcess.StartDll(
            RepositoryPaths.ServiceDll("NewsIngest.Parser"),
            new Dictionary<string, string?>
            {
                ["Messaging__Transport"] = "Unset",
                ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{FreePort.Next()}",
            });

        (await parser.WaitForExitAsync(TimeSpan.FromSeconds(60))).ShouldBe(2);
        parser.Lines.ShouldContain(l => l.Contains("Messaging:Transport", StringComparison.Ordinal) && l.Contains("FTL", StringComparison.Ordinal));
    }
}
