using NewsIngest.Testing;

namespace NewsIngest.Enricher.Tests.Support;

/// <summary>The repository root and the <c>shared/</c> folder beside it (see <see cref="RepositoryPaths"/>).</summary>
public static class RepositoryRoot
{
    public static string Path => RepositoryPaths.Root;

    /// <summary>A file under the <c>shared/</c> folder that sits beside the repository.</summary>
    public static string Shared(params string[] parts) => System.IO.Path.Combine([RepositoryPaths.SharedData, .. parts]);
}
