using System.Diagnostics;
using NewsIngest.Testing;
using NewsIngest.Testing.Processes;

namespace NewsIngest.LoadDriver;

/// <summary>
/// What the driver runs. <see cref="Publish"/> (default): each service and the CLI published as the Dockerfile does
/// (<c>dotnet publish -c Release -r linux-x64 --self-contained false</c>, ReadyToRun through Directory.Build.props) into
/// a temp folder — what a deployment runs. <c>--build built</c>: the <c>dotnet build</c> outputs under bin/Release, which
/// are not ReadyToRun, so the JIT compiles every method of the services and their packages inside the measured phases.
/// </summary>
internal sealed class ServiceBuild : IAsyncDisposable
{
    public const string PublishArguments = ReadyToRunPublish.Arguments;

    private static readonly string[] Projects = ["NewsIngest.Fetcher", "NewsIngest.Parser", "NewsIngest.Enricher", "NewsIngest.Store", "NewsIngest.Cli"];

    private readonly string? _otherCheckout;

    private ServiceBuild(string? publishedRoot, string? otherCheckout = null)
    {
        PublishedRoot = publishedRoot;
        _otherCheckout = otherCheckout;
    }

    /// <summary>Folder holding <c>PROJECT/ASSEMBLY.dll</c> of every published service; null: the build outputs.</summary>
    public string? PublishedRoot { get; }

    public string Description => PublishedRoot is null
        ? $"dotnet build outputs{(_otherCheckout is null ? string.Empty : " of " + _otherCheckout)} (bin/Release/net10.0, not ReadyToRun: every method is JIT-compiled at run time)"
        : $"ReadyToRun publish as the Dockerfile's (dotnet {PublishArguments}) in {PublishedRoot}";

    /// <summary>The build outputs of this checkout, or of <paramref name="otherCheckout"/> (its root folder).</summary>
    public static ServiceBuild Built(string? otherCheckout = null) => new(null, otherCheckout);

    /// <summary>
    /// Publishes every project one after another (they share the obj folders of the shared projects) with obj/ and bin/
    /// under the temp folder (<c>NewsIngestBuildRoot</c>, Directory.Build.props), so a <c>dotnet build</c> of the same
    /// checkout, before, during or after, keeps its own restore; throws when one fails.
    /// </summary>
    public static async Task<ServiceBuild> PublishAsync(TextWriter output, TimeSpan timeout)
    {
        var root = TestDirectory.Create("published");
        var clock = Stopwatch.StartNew();
        foreach (var project in Projects)
        {
            var csproj = Path.Combine(RepositoryPaths.Root, "services", project, project + ".csproj");
            // The CLI references the four services (embedded mode), whose appsettings.json collide in a publish; a build
            // keeps the last one copied, and so does this. The CLI is not in the Dockerfile: this publish is only its ReadyToRun build.
            string[] properties = project == "NewsIngest.Cli" ? ["ErrorOnDuplicatePublishOutputFiles=false"] : [];
            await ReadyToRunPublish.RunAsync(csproj, Path.Combine(root, project), Path.Combine(root, "build"), timeout, properties);
        }

        output.WriteLine($"published {Projects.Length} projects in {clock.Elapsed.TotalSeconds:0} s");
        return new ServiceBuild(root);
    }

    /// <summary>The service's or the CLI's assembly to run.</summary>
    public string DllOf(string project, string? assemblyName = null) => (PublishedRoot, _otherCheckout) switch
    {
        ({ } published, _) => Path.Combine(published, project, (assemblyName ?? project) + ".dll"),
        (null, { } other) => Path.Combine(other, "services", project, "bin", RepositoryPaths.Configuration, RepositoryPaths.TargetFramework, (assemblyName ?? project) + ".dll"),
        _ => RepositoryPaths.ServiceDll(project, assemblyName),
    };

    public async ValueTask DisposeAsync()
    {
        if (PublishedRoot is not null)
        {
            await TestDirectory.DeleteAsync(PublishedRoot);
        }
    }
}
