using System.Net;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Store;

/// <summary>The built store service as an OS process on a broker virtual host and a PostgreSQL database, with its HTTP address.</summary>
public sealed class StoreProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(15) };

    private StoreProcess(ServiceProcess process, Uri address)
    {
        Process = process;
        Address = address;
    }

    public ServiceProcess Process { get; }

    public Uri Address { get; }

    public IReadOnlyList<string> Lines => Process.Lines;

    public static StoreProcess Start(RabbitMqNode broker, string vhost, string connectionString, string claims, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        var environment = new Dictionary<string, string?>(broker.TransportEnvironment(vhost))
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = claims,
            ["Store__Provider"] = "Postgres",
            ["Store__ConnectionString"] = connectionString,
            ["Logs__Format"] = "json",
            ["ASPNETCORE_URLS"] = address.ToString(),
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            environment[key] = value;
        }

        return new StoreProcess(ServiceProcess.StartDll(RepositoryPaths.ServiceDll("NewsIngest.Store"), environment), address);
    }

    public Task WaitUntilStartedAsync(TimeSpan timeout) =>
        Process.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), timeout);

    /// <summary>The status of <c>GET /health/ready</c> (200 healthy, 503 unhealthy).</summary>
    public async Task<HttpStatusCode> ReadinessAsync()
    {
        using var response = await Http.GetAsync(new Uri(Address, "/health/ready"));
        return response.StatusCode;
    }

    public ValueTask DisposeAsync() => Process.DisposeAsync();
}
