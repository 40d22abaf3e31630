using System.Reflection;

namespace NewsIngest.ServiceDefaults;

/// <summary>The running service's version: the entry assembly's informational version (without the commit hash suffix).</summary>
public static class ServiceVersion
{
    public static string Current { get; } = Of(Assembly.GetEntryAssembly());

    public static string Of(Assembly? assembly)
    {
        var version = assembly?.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly?.GetName().Version?.ToString()
            ?? "0.0.0";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus > 0 ? version[..plus] : version;
    }
}
