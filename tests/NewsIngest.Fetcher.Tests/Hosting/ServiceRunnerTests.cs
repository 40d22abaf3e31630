using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsIngest.ServiceDefaults;

namespace NewsIngest.Fetcher.Tests.Hosting;

/// <summary>A host stopped by a fault exits non-zero, so a restart-on-failure policy restarts it; a clean stop exits 0.</summary>
public sealed class ServiceRunnerTests
{
    [Fact]
    public async Task Run_BackgroundServiceFaults_ReturnsNonZero()
    {
        try
        {
            // Act
            var code = await ServiceRunner.RunAsync("faulting", () => RunHostAsync<FaultingService>());

            // Assert
            code.ShouldNotBe(0);
        }
        finally
        {
            Environment.ExitCode = 0;
        }
    }

    [Fact]
    public async Task Run_HostStoppedCleanly_ReturnsZero()
    {
        var code = await ServiceRunner.RunAsync("stopping", () => RunHostAsync<StoppingService>());

        code.ShouldBe(0);
    }

    private static async Task RunHostAsync<TService>()
        where TService : class, IHostedService
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.AddServiceDefaults("test");
        builder.Services.AddHostedService<TService>();
        using var host = builder.Build();
        await host.RunAsync(TestContext.Current.CancellationToken);
    }

    private sealed class FaultingService : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            throw new InvalidOperationException("a fault the loop did not expect");
        }
    }

    private sealed class StoppingService(IHostApplicationLifetime lifetime) : BackgroundService
    {
        protected override async Task ExecuteAsync(CancellationToken stoppingToken)
        {
            await Task.Yield();
            lifetime.StopApplication();
        }
    }
}
