using System.Reflection;
using System.Runtime.Loader;
using NewsIngest.Testing;

namespace NewsIngest.IntegrationTests.Deployment;

/// <summary>
/// The configuration keys the built services read: every options class with a <c>Section</c> constant in a
/// service's assembly (and its ServiceDefaults), MassTransit's <c>RabbitMqTransport</c> options and the
/// <c>Logs:Format</c> switch. Loaded by reflection from the built service assemblies, each in a load context
/// of its own that resolves its dependencies from the service's output folder.
/// </summary>
internal static class ServiceConfiguration
{
    public static readonly string[] Services = ["Fetcher", "Parser", "Enricher", "Store"];

    private static readonly Lazy<Dictionary<string, Type>> Sections = new(LoadSections);

    /// <summary>Whether an environment name (<c>Section__Property__Nested</c>) names a setting some service reads.</summary>
    public static bool IsKnown(string environmentName) =>
        environmentName.Split("__") is ["Logs", "Format"] || TypeOf(environmentName) is not null;

    /// <summary>The type of the setting an environment name names (from the service's own load context), or null.</summary>
    public static Type? TypeOf(string environmentName)
    {
        var path = environmentName.Split("__");
        if (!Sections.Value.TryGetValue(path[0], out var type))
        {
            return null;
        }

        foreach (var name in path.Skip(1))
        {
            if (int.TryParse(name, out _) && type.IsGenericType)
            {
                type = type.GetGenericArguments()[0];
                continue;
            }

            var property = type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
            if (property is null || !property.CanWrite)
            {
                return null;
            }

            type = property.PropertyType;
        }

        return type;
    }

    private static Dictionary<string, Type> LoadSections()
    {
        var sections = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            var dll = RepositoryPaths.ServiceDll($"NewsIngest.{service}");
            var context = new ServiceLoadContext(dll);
            var assemblies = new[] { context.LoadFromAssemblyPath(dll), context.LoadFromAssemblyName(new AssemblyName("NewsIngest.ServiceDefaults")) };
            foreach (var type in assemblies.SelectMany(assembly => assembly.GetTypes()))
            {
                if (type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field && field.GetRawConstantValue() is string section)
                {
                    sections.TryAdd(section, type);
                }
            }

            var transport = context.LoadFromAssemblyName(new AssemblyName("MassTransit.RabbitMqTransport")).GetType("MassTransit.RabbitMqTransportOptions");
            sections.TryAdd("RabbitMqTransport", transport ?? throw new InvalidOperationException("MassTransit.RabbitMqTransportOptions not found"));
        }

        return sections;
    }

    private sealed class ServiceLoadContext(string mainAssembly) : AssemblyLoadContext(isCollectible: true)
    {
        private readonly AssemblyDependencyResolver _resolver = new(mainAssembly);

        protected override Assembly? Load(AssemblyName assemblyName) =>
            _resolver.ResolveAssemblyToPath(assemblyName) is { } path ? LoadFromAssemblyPath(path) : null;
    }
}
