using System.Reflection;
using System.Runtime.Versioning;

namespace NewsIngest.Testing;

/// <summary>Locations in the repository, found from the test assembly's output folder.</summary>
public static class RepositoryPaths
{
    private const string SolutionFile = "NewsIngest.sln";
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The folder holding NewsIngest.sln.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>Sample data kept beside the repository (<c>Root/../shared</c>); read at run time, never copied in.</summary>
    public static string SharedData => Path.GetFullPath(Path.Combine(Root, "..", "shared"));

    /// <summary>Build configuration of the tests (Debug or Release); services are looked up in the same one.</summary>
    public static string Configuration { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration is { Length: > 0 } configuration
            ? configuration
            : "Debug";

    /// <summary>Target framework moniker the tests were built for, e.g. net10.0.</summary>
    public static string TargetFramework { get; } =
        typeof(RepositoryPaths).Assembly.GetCustomAttribute<TargetFrameworkAttribute>() is { } attribute
            ? $"net{new FrameworkName(attribute.FrameworkName).Version.ToString(2)}"
            : $"net{Environment.Version.ToString(2)}";

    /// <summary>
    /// The built assembly of a project under services/, e.g. <c>ServiceDll("NewsIngest.Store")</c> →
    /// <c>services/NewsIngest.Store/bin/Release/net10.0/NewsIngest.Store.dll</c>. Throws when it has not been built.
    /// </summary>
    public static string ServiceDll(string projectName, string? assemblyName = null)
    {
        var path = Path.Combine(Root, "services", projectName, "bin", Configuration, TargetFramework, (assemblyName ?? projectName) + ".dll");
        return File.Exists(path)
            ? path
            : throw new FileNotFoundException(
                $"{path} does not exist. Build it first: dotnet build {SolutionFile} -c {Configuration}", path);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, SolutionFile)))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above {AppContext.BaseDirectory} holds {SolutionFile}.");
    }
}
