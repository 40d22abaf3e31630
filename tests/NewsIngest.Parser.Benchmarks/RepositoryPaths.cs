namespace NewsIngest.Parser.Benchmarks;

/// <summary>Finds the repository root (the folder holding NewsIngest.sln) and the dev pages in <c>shared/aeb-dev</c>
/// beside it or in the nearest ancestor that has one.</summary>
internal static class RepositoryPaths
{
    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "NewsIngest.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("NewsIngest.sln not found above " + AppContext.BaseDirectory);
    }

    public static string DevSet(string root)
    {
        for (var dir = Directory.GetParent(root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "aeb-dev");
            if (File.Exists(Path.Combine(candidate, "ground-truth.json")))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("shared/aeb-dev not found beside or above " + root);
    }
}
