using System.Globalization;

namespace NewsIngest.Testing.Pipeline;

/// <summary>
/// The four built services, each started as its own OS process (<c>dotnet NewsIngest.X.dll</c>) with a shared
/// environment plus its own settings and a free HTTP port for its health endpoints. A service can be killed
/// (SIGKILL to its process id) and started again with the same settings; the output of every run is kept.
/// <paramref name="locateDll"/> gives the assembly of a project (e.g. a ReadyToRun publish); default: its build output.
/// </summary>
public sealed class PipelineServices(IReadOnlyDictionary<string, string?> common, Func<string, string>? locateDll = null) : IAsyncDisposable
{
    public const string Fetcher = "NewsIngest.Fetcher";
    public const string Parser = "NewsIngest.Parser";
    public const string Enricher = "NewsIngest.Enricher";
    public const string Store = "NewsIngest.Store";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(120);

    private readonly Dictionary<string, Service> _services = new(StringComparer.Ordinal);

    /// <summary>The running process of each started service, by its name (the project's, or a replica's from <see cref="Start"/>).</summary>
    public IReadOnlyDictionary<string, ServiceProcess> Processes => _services.ToDictionary(s => s.Key, s => s.Value.Current);

    /// <summary>
    /// The settings every service gets to reach <paramref name="broker"/>, share the claim-check folder
    /// <paramref name="claimCheckPath"/>, log compact JSON and size the GC as the Dockerfile does; add to or override them per service in <see cref="Start"/>.
    /// </summary>
    public static Dictionary<string, string?> CommonEnvironment(RabbitMqNode broker, string claimCheckPath) =>
        new(broker.TransportEnvironment())
        {
            ["Messaging__Transport"] = "RabbitMq",
            ["Messaging__ClaimCheckPath"] = claimCheckPath,
            ["Logs__Format"] = "json",
            ["DOTNET_GCgen0size"] = "0x400000", // as the Dockerfile sets it
        };

    /// <summary>
    /// Starts <paramref name="project"/> (e.g. <see cref="Store"/>) with the common settings and its own, known by
    /// <paramref name="name"/> (default the project's; another name for each further replica of it).
    /// </summary>
    public ServiceProcess Start(string project, IReadOnlyDictionary<string, string?> own, string? name = null)
    {
        var environment = new Dictionary<string, string?>(common);
        foreach (var (key, value) in own)
        {
            environment[key] = value;
        }

        var address = new Uri($"http://127.0.0.1:{FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
        environment["ASPNETCORE_URLS"] = address.ToString();
        var service = new Service(project, environment, address, Launch(project, environment));
        _services.Add(name ?? project, service);
        return service.Current;
    }

    /// <summary>Waits until the service's host reports "Application started" (connected, queues declared).</summary>
    public Task WaitUntilStartedAsync(string name) => WaitUntilStartedAsync(_services[name].Current);

    /// <summary>kill -9 of the service's process (its own id, nothing else), then waits until it has exited.</summary>
    public Task KillAsync(string name) => _services[name].Current.KillAsync();

    /// <summary>Starts the service again with the settings of its first start and waits until it has started.</summary>
    public async Task RestartAsync(string name)
    {
        var service = _services[name];
        if (!service.Current.HasExited)
        {
            throw new InvalidOperationException($"{name} is still running (process {service.Current.ProcessId}).");
        }

        service.Previous.Add(service.Current);
        service.Current = Launch(service.Project, service.Environment);
        await WaitUntilStartedAsync(service.Current);
    }

    /// <summary>The HTTP address (health endpoints) of a started service.</summary>
    public Uri AddressOf(string name) => _services[name].Address;

    /// <summary>Every output line of every replica of <paramref name="project"/>, over all their runs.</summary>
    public IReadOnlyList<string> LogsOf(string project) =>
        [.. _services.Values.Where(s => s.Project == project).SelectMany(s => s.Runs).SelectMany(p => p.Lines)];

    /// <summary>Kills every service and writes each one's output to <c>newsingest-test-logs/PROJECT.log</c> under the temp folder.</summary>
    public async ValueTask DisposeAsync()
    {
        var logs = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "newsingest-test-logs")).FullName;
        foreach (var (name, service) in _services)
        {
            foreach (var run in service.Runs)
            {
                await run.DisposeAsync();
            }

            await File.WriteAllLinesAsync(Path.Combine(logs, name + ".log"), service.Runs.SelectMany(p => p.Lines));
        }
    }

    private static Task<string> WaitUntilStartedAsync(ServiceProcess process) =>
        process.WaitForOutputAsync(line => line.Contains("Application started", StringComparison.Ordinal), StartTimeout);

    private ServiceProcess Launch(string project, IReadOnlyDictionary<string, string?> environment)
    {
        var dll = locateDll?.Invoke(project) ?? RepositoryPaths.ServiceDll(project);
        return ServiceProcess.StartDll(dll, environment, workingDirectory: Path.GetDirectoryName(dll));
    }

    private sealed class Service(string project, IReadOnlyDictionary<string, string?> environment, Uri address, ServiceProcess current)
    {
        public string Project { get; } = project;

        public IReadOnlyDictionary<string, string?> Environment { get; } = environment;

        public Uri Address { get; } = address;

        public ServiceProcess Current { get; set; } = current;

        public List<ServiceProcess> Previous { get; } = [];

        /// <summary>Every process of the service, the earlier runs first, the current one last.</summary>
        public IEnumerable<ServiceProcess> Runs => Previous.Append(Current);
    }
}
