namespace NewsIngest.Enricher.Tests.Support;

/// <summary>The folder holding NewsIngest.sln, found by walking up from the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    /// <summary>A file under the <c>shared/</c> folder that sits beside the repository.</summary>
    public static string Shared(params string[] parts) =>
        System.IO.Path.Combine([System.IO.Path.GetDirectoryName(Path)!, "shared", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "NewsIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"NewsIngest.sln not found above {AppContext.BaseDirectory}.");
    }
}
