using NewsIngest.Testing;
using YamlDotNet.RepresentationModel;

namespace NewsIngest.IntegrationTests.Deployment;

/// <summary>
/// deploy/k8s parsed document by document: what Kubernetes and KEDA require of each object, and that images,
/// ports, probes, environment names and queue names agree with the services as built.
/// </summary>
public sealed class KubernetesManifestTests
{
    private static readonly string Folder = Path.Combine(RepositoryPaths.Root, "deploy", "k8s");

    [Fact]
    public void Kustomization_ListsEveryManifestAndNothingMissing()
    {
        var kustomization = Load("kustomization.yaml").Single();
        var resources = Sequence(kustomization, "resources").Select(Text).ToList();

        resources.ShouldAllBe(file => File.Exists(Path.Combine(Folder, file)));
        Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName).Where(f => f != "kustomization.yaml").Order()
            .ShouldBe(resources.Order()!);
        Text(kustomization, "namespace").ShouldBe("newsingest");
    }

    [Fact]
    public void Deployments_OnePerServiceWithProbesResourcesAndADisruptionBudget()
    {
        var objects = All();
        var deployments = Of(objects, "Deployment");

        deployments.Select(d => Text(d, "metadata", "name")).Order().ShouldBe(ServiceConfiguration.Services.Select(s => s.ToLowerInvariant()).Order());
        var dockerPort = "8080";
        var dockerfile = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile")); // one recipe, --build-arg SERVICE=…
        dockerfile.ShouldContain($"ASPNETCORE_HTTP_PORTS={dockerPort}");
        foreach (var deployment in deployments)
        {
            var name = Text(deployment, "metadata", "name");
            var service = ServiceConfiguration.Services.Single(s => s.Equals(name, StringComparison.OrdinalIgnoreCase));
            File.Exists(Path.Combine(RepositoryPaths.Root, "services", $"NewsIngest.{service}", $"NewsIngest.{service}.csproj")).ShouldBeTrue($"{name}: the image's SERVICE build argument names a project");
            var labels = Map(deployment, "spec", "template", "metadata", "labels");
            Map(deployment, "spec", "selector", "matchLabels").Children.ShouldAllBe(label => labels.Children.Contains(label), $"{name}: selector matches the pod labels");
            var container = (YamlMappingNode)Sequence(deployment, "spec", "template", "spec", "containers").Single();
            Text(container, "image").ShouldBe($"newsingest/{name}");
            Sequence(container, "ports").Cast<YamlMappingNode>().ShouldContain(p => Text(p, "containerPort") == dockerPort);
            Text(container, "livenessProbe", "httpGet", "path").ShouldBe("/health/live");
            Text(container, "readinessProbe", "httpGet", "path").ShouldBe("/health/ready");
            Text(container, "startupProbe", "httpGet", "path").ShouldBe("/health/live");
            foreach (var bound in new[] { "requests", "limits" })
            {
                Text(container, "resources", bound, "cpu").ShouldNotBeNullOrWhiteSpace($"{name} {bound}.cpu");
                Text(container, "resources", bound, "memory").ShouldNotBeNullOrWhiteSpace($"{name} {bound}.memory");
            }

            EnvFromNames(container).ShouldBe(["newsingest-config", "newsingest-secrets"], ignoreOrder: true);
            var budget = Of(objects, "PodDisruptionBudget").SingleOrDefault(p => Text(p, "metadata", "name") == name).ShouldNotBeNull($"{name} has a PodDisruptionBudget");
            Map(budget, "spec", "selector", "matchLabels").Children.ShouldBe(Map(deployment, "spec", "selector", "matchLabels").Children);
        }

        var health = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "shared", "NewsIngest.ServiceDefaults", "HealthExtensions.cs"));
        health.ShouldContain("\"/health/live\"");
        health.ShouldContain("\"/health/ready\"");
    }

    [Fact]
    public void ConfigMapAndSecret_EveryEnvironmentNameIsASettingOfTheServices()
    {
        var objects = All();
        var names = Of(objects, "ConfigMap").SelectMany(c => Map(c, "data").Children.Keys)
            .Concat(Of(objects, "Secret").SelectMany(s => Map(s, "stringData").Children.Keys))
            .Select(Text)
            .Where(name => name != "rabbitmq-host") // KEDA's, referenced by the TriggerAuthentication
            .ToList();

        names.ShouldNotBeEmpty();
        names.Where(name => !ServiceConfiguration.IsKnown(name)).ShouldBeEmpty("environment names the services do not read");
        names.ShouldContain("Messaging__BrokerNodes");
        names.ShouldContain("Store__ConnectionString");
    }

    [Fact]
    public void Pods_ShareNoVolume_ClaimChecksInPostgres()
    {
        var objects = All();
        var config = Entries(Of(objects, "ConfigMap"), "data");
        var secret = Entries(Of(objects, "Secret"), "stringData");

        Of(objects, "PersistentVolumeClaim").ShouldBeEmpty();
        objects.SelectMany(Scalars).ShouldNotContain("ReadWriteMany");
        foreach (var workload in Of(objects, "Deployment").Concat(Of(objects, "Job")))
        {
            var volumes = Node(workload, "spec", "template", "spec", "volumes") is YamlSequenceNode list ? list.Children : [];
            volumes.ShouldAllBe(volume => Node(volume, "emptyDir") != null, $"{Text(workload, "metadata", "name")}: only volumes of its own pod");
        }

        config.ShouldNotContainKey("Messaging__ClaimCheckPath");
        config["Messaging__ClaimCheckStore"].ShouldBe("Postgres");
        var store = ServiceConfiguration.TypeOf("Messaging__ClaimCheckStore").ShouldNotBeNull();
        Enum.GetNames(store).ShouldContain(config["Messaging__ClaimCheckStore"]);
        secret["Messaging__ClaimCheckConnectionString"].ShouldStartWith("Host=postgres;");
    }

    [Fact]
    public void MigrationJob_RunsTheStoreMigrateCommand()
    {
        var job = Of(All(), "Job").Single();
        var container = (YamlMappingNode)Sequence(job, "spec", "template", "spec", "containers").Single();

        Text(container, "image").ShouldBe("newsingest/store");
        Sequence(container, "args").Select(Text).ShouldBe(["migrate"]);
        Text(job, "spec", "template", "spec", "restartPolicy").ShouldBe("OnFailure");
        EnvFromNames(container).ShouldBe(["newsingest-config", "newsingest-secrets"], ignoreOrder: true);
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "services", "NewsIngest.Store", "Program.cs")).ShouldContain("[\"migrate\", ..]");
    }

    [Fact]
    public void ScaledObjects_OnePerConsumerServiceOnItsOwnQueue()
    {
        var objects = All();
        var scaled = Of(objects, "ScaledObject");
        var deployments = Of(objects, "Deployment").Select(d => Text(d, "metadata", "name")).ToHashSet();
        var authentications = Of(objects, "TriggerAuthentication").Select(a => Text(a, "metadata", "name")).ToHashSet();

        scaled.Select(s => Text(s, "spec", "scaleTargetRef", "name")).Order().ShouldBe(["enricher", "parser", "store"]);
        foreach (var scaledObject in scaled)
        {
            var target = Text(scaledObject, "spec", "scaleTargetRef", "name").ShouldNotBeNull();
            deployments.ShouldContain(target);
            var trigger = (YamlMappingNode)Sequence(scaledObject, "spec", "triggers").Single();
            Text(trigger, "type").ShouldBe("rabbitmq");
            QueuesOf(target).ShouldContain(Text(trigger, "metadata", "queueName"));
            authentications.ShouldContain(Text(trigger, "authenticationRef", "name"));
            int.Parse(Text(scaledObject, "spec", "minReplicaCount").ShouldNotBeNull(), System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(1);
        }

        var secretKeys = Of(objects, "Secret").SelectMany(s => Map(s, "stringData").Children.Keys).Select(Text).ToList();
        Of(objects, "TriggerAuthentication").SelectMany(a => Sequence(a, "spec", "secretTargetRef").Cast<YamlMappingNode>())
            .ShouldAllBe(reference => secretKeys.Contains(Text(reference, "key") ?? string.Empty));
    }

    /// <summary>The queues a service consumes: its prefix and each consumer's message in kebab case, as the
    /// services' endpoint name formatter makes them (<c>Consumers/ArticleFetchedConsumer.cs</c> → <c>parser-article-fetched</c>).</summary>
    private static IEnumerable<string> QueuesOf(string service) =>
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "services", $"NewsIngest.{char.ToUpperInvariant(service[0])}{service[1..]}", "Consumers"), "*Consumer.cs")
            .Select(path => Path.GetFileNameWithoutExtension(path)[..^"Consumer".Length])
            .Select(message => service + string.Concat(message.Select(c => char.IsUpper(c) ? "-" + char.ToLowerInvariant(c) : c.ToString())));

    private static List<string> EnvFromNames(YamlMappingNode container) =>
        [.. Sequence(container, "envFrom").Cast<YamlMappingNode>().Select(e => Text(e, "configMapRef", "name") ?? Text(e, "secretRef", "name") ?? string.Empty)];

    private static Dictionary<string, string> Entries(List<YamlMappingNode> objects, string section) =>
        objects.SelectMany(o => Map(o, section).Children).ToDictionary(entry => Text(entry.Key), entry => Text(entry.Value));

    private static IEnumerable<string> Scalars(YamlNode node) => node switch
    {
        YamlScalarNode scalar => [scalar.Value ?? string.Empty],
        YamlMappingNode map => map.Children.SelectMany(entry => Scalars(entry.Key).Concat(Scalars(entry.Value))),
        YamlSequenceNode list => list.Children.SelectMany(Scalars),
        _ => [],
    };

    private static List<YamlMappingNode> All() =>
        [.. Directory.GetFiles(Folder, "*.yaml").Where(f => Path.GetFileName(f) != "kustomization.yaml").SelectMany(f => Load(Path.GetFileName(f)))];

    private static List<YamlMappingNode> Of(List<YamlMappingNode> objects, string kind) =>
        [.. objects.Where(o => Text(o, "kind") == kind)];

    private static List<YamlMappingNode> Load(string file)
    {
        var stream = new YamlStream();
        using var reader = new StringReader(File.ReadAllText(Path.Combine(Folder, file)));
        stream.Load(reader);
        var documents = stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>().ToList();
        foreach (var document in documents.Where(d => Path.GetFileName(file) != "kustomization.yaml"))
        {
            Text(document, "apiVersion").ShouldNotBeNullOrWhiteSpace($"{file}: apiVersion");
            Text(document, "kind").ShouldNotBeNullOrWhiteSpace($"{file}: kind");
            Text(document, "metadata", "name").ShouldNotBeNullOrWhiteSpace($"{file}: metadata.name");
        }

        return documents;
    }

    private static YamlNode? Node(YamlNode node, params string[] path)
    {
        foreach (var key in path)
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var child))
            {
                return null;
            }

            node = child;
        }

        return node;
    }

    private static string? Text(YamlNode node, params string[] path) => (Node(node, path) as YamlScalarNode)?.Value;

    private static string Text(YamlNode node) => ((YamlScalarNode)node).Value!;

    private static YamlMappingNode Map(YamlNode node, params string[] path) =>
        Node(node, path) as YamlMappingNode ?? throw new ShouldAssertException($"{string.Join('.', path)} is not a mapping");

    private static IEnumerable<YamlNode> Sequence(YamlNode node, params string[] path) =>
        (Node(node, path) as YamlSequenceNode)?.Children ?? throw new ShouldAssertException($"{string.Join('.', path)} is not a list");
}
