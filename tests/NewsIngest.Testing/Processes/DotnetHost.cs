namespace NewsIngest.Testing;

/// <summary>Path of the <c>dotnet</c> host that runs framework-dependent apps.</summary>
public static class DotnetHost
{
    public static string Path { get; } = Locate();

    private static string Locate()
    {
        // Set by the SDK for everything it launches (dotnet test, dotnet run).
        var fromSdk = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(fromSdk) && File.Exists(fromSdk))
        {
            return fromSdk;
        }

        if (Environment.ProcessPath is { } current && System.IO.Path.GetFileNameWithoutExtension(current) == "dotnet")
        {
            return current;
        }

        var dotnetRoot = Environment.GetEnvironmentVariable("DOTNET_ROOT");
        var candidates = new[]
        {
            string.IsNullOrEmpty(dotnetRoot) ? null : System.IO.Path.Combine(dotnetRoot, "dotnet"),
            ProcessEnvironment.FindOnPath("dotnet"),
            "/usr/share/dotnet/dotnet",
            "/usr/lib/dotnet/dotnet",
        };
        return candidates.FirstOrDefault(candidate => candidate is not null && File.Exists(candidate))
            ?? throw new InvalidOperationException("The dotnet host was not found (DOTNET_HOST_PATH, DOTNET_ROOT, PATH).");
    }
}
