using System.Text.Json;
using System.Text.RegularExpressions;
using NewsIngest.Testing;
using YamlDotNet.RepresentationModel;

namespace NewsIngest.IntegrationTests.Observability;

/// <summary>
/// The operator's docker-compose file, checked with docker-compose itself (v1, no engine needed for <c>config</c>):
/// no default passwords, nothing published beyond 127.0.0.1, pinned images, restart policies, memory limits, log
/// rotation, the observability profile; and the broker definitions and Prometheus config it mounts.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private static readonly Dictionary<string, string?> Required = new()
    {
        ["RABBITMQ_USER"] = "svc",
        ["RABBITMQ_PASSWORD"] = "svc-secret",
        ["RABBITMQ_ADMIN_USER"] = "ops",
        ["RABBITMQ_ADMIN_PASSWORD"] = "ops-secret",
        ["POSTGRES_USER"] = "postgres",
        ["POSTGRES_PASSWORD"] = "pg-secret",
        ["NEWSINGEST_DB_USER"] = "newsingest",
        ["NEWSINGEST_DB_PASSWORD"] = "db-secret",
        ["GRAFANA_ADMIN_PASSWORD"] = "grafana-secret",
    };

    private static string ComposeFile => Path.Combine(RepositoryPaths.Root, "docker-compose.yml");

    [Fact]
    public async Task Config_EveryRequiredVariableSet_PassesWithLoopbackPortsOnly()
    {
        var result = await ComposeAsync(Required, "config");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var services = Services(result.StandardOutput);
        // docker-compose v1 lists the profile's services too; they start only with --profile observability.
        services.Keys.ShouldBe(["enricher", "fetcher", "parser", "postgres", "rabbitmq", "store", "prometheus", "grafana", "jaeger"], ignoreOrder: true);
        foreach (var (name, service) in services)
        {
            Scalar(service, "restart").ShouldBe("unless-stopped", name);
            Scalar(service, "mem_limit").ShouldNotBeNullOrEmpty(name);
            var logging = (YamlMappingNode)service.Children[new YamlScalarNode("logging")];
            ((YamlMappingNode)logging.Children[new YamlScalarNode("options")]).Children.Keys.Select(k => k.ToString()).ShouldContain("max-size", name);
            if (service.Children.TryGetValue(new YamlScalarNode("ports"), out var ports))
            {
                foreach (var port in (YamlSequenceNode)ports)
                {
                    PortHostIp(port).ShouldBe("127.0.0.1", $"{name} publishes {port} beyond loopback");
                }
            }
        }

        result.StandardOutput.ShouldContain("Username=newsingest;Password=db-secret", customMessage: "the services use their own role");
        result.StandardOutput.ShouldNotContain("Username=postgres");
    }

    [Theory]
    [InlineData("RABBITMQ_PASSWORD")]
    [InlineData("NEWSINGEST_DB_PASSWORD")]
    [InlineData("POSTGRES_PASSWORD")]
    public async Task Config_PasswordUnset_FailsNamingTheVariableAndEnvExample(string variable)
    {
        var environment = new Dictionary<string, string?>(Required) { [variable] = null };

        var result = await ComposeAsync(environment, "config");

        result.ExitCode.ShouldNotBe(0);
        result.StandardError.ShouldContain($"set {variable} in .env (see .env.example)");
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, ".env.example")).ShouldContain(variable + "=");
    }

    [Fact]
    public async Task ConfigWithObservabilityProfile_AddsPrometheusGrafanaAndJaeger()
    {
        var result = await ComposeAsync(Required, "--profile", "observability", "config");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var services = Services(result.StandardOutput);
        foreach (var name in new[] { "prometheus", "grafana", "jaeger" })
        {
            var profiles = (YamlSequenceNode)services[name].Children[new YamlScalarNode("profiles")];
            profiles.Select(p => p.ToString()).ShouldBe(["observability"], name);
        }

        Services((await ComposeAsync(Required, "config")).StandardOutput)["store"].Children.ContainsKey(new YamlScalarNode("profiles")).ShouldBeFalse("the pipeline itself runs without a profile");
    }

    [Fact]
    public void Images_ComposeAndDockerfile_PinnedToExactVersions()
    {
        var images = ImageLine().Matches(File.ReadAllText(ComposeFile)).Select(m => m.Groups["image"].Value)
            .Concat(FromLine().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "Dockerfile"))).Select(m => m.Groups["image"].Value))
            .Where(image => !image.EndsWith(":local", StringComparison.Ordinal))
            .ToList();

        images.Count.ShouldBeGreaterThanOrEqualTo(7);
        images.ShouldAllBe(image => ExactVersion().IsMatch(image), "every image is pinned by an exact version (x.y.z) or a digest");
        Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "services"), "Dockerfile", SearchOption.AllDirectories).ShouldBeEmpty("one Dockerfile with a SERVICE argument");
    }

    [Fact]
    public void BrokerDefinitions_DeclareVhostUsersPoliciesExchangeAndStream()
    {
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy/rabbitmq/definitions.template.json")));
        var root = json.RootElement;

        root.GetProperty("vhosts").EnumerateArray().Select(v => v.GetProperty("name").GetString()).ShouldBe(["newsingest"]);
        root.GetProperty("users").EnumerateArray().Select(u => u.GetProperty("password").GetString()).ShouldAllBe(p => p!.StartsWith("__", StringComparison.Ordinal), "passwords come from the environment");
        root.GetProperty("policies").GetArrayLength().ShouldBeGreaterThan(0);
        var exchange = root.GetProperty("exchanges").EnumerateArray().Single();
        exchange.GetProperty("name").GetString().ShouldBe("news.articles");
        exchange.GetProperty("type").GetString().ShouldBe("topic");
        var stream = root.GetProperty("queues").EnumerateArray().Single(q => q.GetProperty("name").GetString() == "news.articles.replay");
        stream.GetProperty("arguments").GetProperty("x-queue-type").GetString().ShouldBe("stream");
        stream.GetProperty("arguments").GetProperty("x-max-age").GetString().ShouldBe("7D", "the store declares the stream with its default retention; the arguments must match");
        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy/rabbitmq/rabbitmq.conf")).ShouldContain("definitions.local.path = /tmp/newsingest-definitions.json");
    }

    [Fact]
    public async Task Config_Broker_MountsTheMemorySettingsTheTestNodesLoad()
    {
        var result = await ComposeAsync(Required, "config");

        result.ExitCode.ShouldBe(0, result.StandardError);
        var volumes = (YamlSequenceNode)Services(result.StandardOutput)["rabbitmq"].Children[new YamlScalarNode("volumes")];
        volumes.Select(v => v.ToString()).ShouldContain(
            v => v.Contains("deploy/rabbitmq/memory.conf", StringComparison.Ordinal) && v.Contains("/etc/rabbitmq/conf.d/", StringComparison.Ordinal),
            "the broker container reads memory.conf from conf.d");
    }

    [Fact]
    public void PrometheusConfig_ScrapesEveryServiceAndTheBrokerPlugin()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Path.Combine(RepositoryPaths.Root, "deploy/observability/prometheus.yml")))
        {
            yaml.Load(reader);
        }

        var jobs = ((YamlSequenceNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("scrape_configs")])
            .Cast<YamlMappingNode>()
            .ToDictionary(job => Scalar(job, "job_name")!, job => job);

        jobs.Keys.ShouldBe(["fetcher", "parser", "enricher", "store", "rabbitmq", "rabbitmq-queues"], ignoreOrder: true);
        jobs.Values.ShouldAllBe(job => Scalar(job, "metrics_path")!.StartsWith("/metrics", StringComparison.Ordinal));
        foreach (var service in new[] { "fetcher", "parser", "enricher", "store" })
        {
            var discovery = (YamlMappingNode)((YamlSequenceNode)jobs[service].Children[new YamlScalarNode("dns_sd_configs")])[0];
            Scalar(discovery, "port").ShouldBe("8080", service);
        }

        File.ReadAllText(Path.Combine(RepositoryPaths.Root, "deploy/rabbitmq/rabbitmq.conf")).ShouldContain("prometheus.tcp.port = 15692");
    }

    private static async Task<CommandResult> ComposeAsync(Dictionary<string, string?> environment, params string[] arguments)
    {
        var compose = ProcessEnvironment.FindOnPath("docker-compose")
            ?? throw new InvalidOperationException("docker-compose is not installed: apt-get install -y --no-install-recommends docker-compose (tests/run.sh does this)");
        var empty = Path.Combine(TestDirectory.Create("compose"), "empty.env");
        await File.WriteAllTextAsync(empty, string.Empty);
        var settings = new Dictionary<string, string?>(environment);
        foreach (var name in Required.Keys.Where(k => !environment.ContainsKey(k)))
        {
            settings[name] = null;
        }

        return await ExternalCommand.RunAsync(
            compose, ["-f", ComposeFile, "--env-file", empty, .. arguments], settings, Timeout, CancellationToken.None);
    }

    private static Dictionary<string, YamlMappingNode> Services(string config)
    {
        var yaml = new YamlStream();
        yaml.Load(new StringReader(config));
        var services = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode).Children[new YamlScalarNode("services")];
        return services.Children.ToDictionary(entry => entry.Key.ToString(), entry => (YamlMappingNode)entry.Value, StringComparer.Ordinal);
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) ? ((YamlScalarNode)value).Value : null;

    /// <summary>The host address of a published port, in the short ("127.0.0.1:5672:5672") or long (host_ip) form.</summary>
    private static string? PortHostIp(YamlNode port) => port switch
    {
        YamlMappingNode mapping => Scalar(mapping, "host_ip"),
        YamlScalarNode scalar when scalar.Value!.Split(':') is { Length: 3 } parts => parts[0],
        _ => null,
    };

    [GeneratedRegex(@"^\s*image:\s*(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex ImageLine();

    [GeneratedRegex(@"^FROM\s+(?<image>\S+)", RegexOptions.Multiline)]
    private static partial Regex FromLine();

    // x.y.z, or PostgreSQL's own two-part versions (15.10 is one exact release), or a digest.
    [GeneratedRegex(@"(:v?\d+\.\d+\.\d+(-[\w.]+)?$)|(^postgres:\d+\.\d+(-[\w.]+)?$)|(@sha256:[0-9a-f]{64}$)")]
    private static partial Regex ExactVersion();
}
