using NewsIngest.Testing;
using NewsIngest.Testing.Processes;

namespace NewsIngest.Store.Benchmarks;

/// <summary>
/// The replicas' program: this benchmark (of this checkout, or of another one for an A/B) published as the store's
/// Dockerfile publishes the service (<see cref="ReadyToRunPublish"/>), ReadyToRun and with the service's runtime settings
/// (tiered compilation without quick JIT or tiered PGO: Directory.Build.props sets them for web hosts only), so that a replica's
/// time to ready and its decisions are what a deployed store spends, not the JIT's work.
/// </summary>
internal sealed class ReplicaBuild : IAsyncDisposable
{
    private static readonly string[] ServiceSettings = ["PublishReadyToRun=true", "TieredCompilation=true", "TieredCompilationQuickJit=false", "TieredPGO=false"];

    private ReplicaBuild(string folder, string repository)
    {
        Folder = folder;
        Repository = repository;
    }

    public string Folder { get; }

    public string Repository { get; }

    public string Dll => Path.Combine(Folder, "NewsIngest.Store.Benchmarks.dll");

    public string Description => $"ReadyToRun publish of {Repository} (dotnet {ReadyToRunPublish.Arguments} -p:{string.Join(" -p:", ServiceSettings)})";

    public static async Task<ReplicaBuild> PublishAsync(string repository)
    {
        var folder = TestDirectory.Create("store-replica");
        var csproj = Path.Combine(repository, "tests", "NewsIngest.Store.Benchmarks", "NewsIngest.Store.Benchmarks.csproj");
        await ReadyToRunPublish.RunAsync(csproj, folder, Path.Combine(folder, ".build"), TimeSpan.FromMinutes(10), ServiceSettings);
        return new ReplicaBuild(folder, repository);
    }

    public async ValueTask DisposeAsync() => await TestDirectory.DeleteAsync(Folder);
}
