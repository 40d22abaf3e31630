using System.Diagnostics;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NewsIngest.Testing;

/// <summary>
/// A throwaway RabbitMQ node run as a plain process on loopback: its own directory, node name,
/// AMQP and distribution ports and Erlang cookie. Boot takes 5–10 s, so share one per test assembly
/// (<see cref="BrokerFixture"/>) and isolate tests with <see cref="CreateVirtualHostAsync"/> or unique queue names.
/// </summary>
public sealed class RabbitMqNode : IAsyncDisposable
{
    public const string ServerScript = "/usr/lib/rabbitmq/bin/rabbitmq-server";
    private const string ControlScript = "/usr/lib/rabbitmq/bin/rabbitmqctl";
    private const string ErlangEpmd = "/usr/lib/erlang/bin/epmd";
    private const int StartAttempts = 3;
    private const int ControlAttempts = 3;

    // Boot takes 5-10 s when idle; on a busy 2-core machine with other nodes and services starting, much longer.
    private static readonly TimeSpan DefaultStartTimeout = TimeSpan.FromSeconds(90);
    private static readonly TimeSpan ControlAttemptTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private Process _process;
    private readonly IReadOnlyDictionary<string, string?> _environment;
    private readonly string _epmd;
    private readonly bool _startedEpmd;
    private int _stopped;

    private RabbitMqNode(
        Process process,
        string directory,
        string nodeName,
        int port,
        int distributionPort,
        IReadOnlyDictionary<string, string?> environment,
        string epmd,
        bool startedEpmd)
    {
        _process = process;
        ProcessId = process.Id;
        Directory = directory;
        NodeName = nodeName;
        Port = port;
        DistributionPort = distributionPort;
        _environment = environment;
        _epmd = epmd;
        _startedEpmd = startedEpmd;
    }

    public string Host { get; } = "127.0.0.1";

    public int Port { get; }

    public int DistributionPort { get; }

    public string UserName { get; } = "guest";

    public string Password { get; } = "guest";

    /// <summary>The Erlang node name, e.g. <c>newsingest-1a2b3c4d@localhost</c>.</summary>
    public string NodeName { get; }

    /// <summary>Scratch directory holding config, data (mnesia) and logs; deleted on dispose.</summary>
    public string Directory { get; }

    /// <summary>Process id of the server script, which leads the node's process group (a new one after <see cref="StartAgainAsync"/>).</summary>
    public int ProcessId { get; private set; }

    public Uri AmqpUri => AmqpUriFor("/");

    /// <summary>The management HTTP API (<c>api/…</c>, basic auth with <see cref="UserName"/>), for a node started with it.</summary>
    public Uri? ManagementUri { get; private init; }

    /// <summary>The management API with the credentials in it (<c>http://guest:guest@127.0.0.1:PORT/</c>).</summary>
    public Uri? ManagementUriWithCredentials => ManagementUri is null ? null : new UriBuilder(ManagementUri) { UserName = UserName, Password = Password }.Uri;

    /// <summary>RabbitMQ's Prometheus endpoint (<c>metrics</c>, <c>metrics/detailed?family=…</c>), for a node started with management.</summary>
    public Uri? PrometheusUri { get; private init; }

    public string LogFile => Path.Combine(Directory, "log", $"{NodeName}.log");

    /// <summary>AMQP URI for a virtual host, e.g. <c>amqp://guest:guest@127.0.0.1:5672/my-vhost</c> (the default "/" gives a trailing slash only).</summary>
    public Uri AmqpUriFor(string virtualHost) =>
        new($"amqp://{UserName}:{Password}@{Host}:{Port}/{(virtualHost == "/" ? string.Empty : Uri.EscapeDataString(virtualHost))}");

    /// <summary>
    /// Environment variables pointing a service's MassTransit broker settings (the <c>RabbitMqTransport</c> section,
    /// bound to <c>RabbitMqTransportOptions</c>) at this node, for <see cref="ServiceProcess.StartDll"/>.
    /// </summary>
    public IReadOnlyDictionary<string, string?> TransportEnvironment(string virtualHost = "/") => new Dictionary<string, string?>
    {
        ["RabbitMqTransport__Host"] = Host,
        ["RabbitMqTransport__Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["RabbitMqTransport__VHost"] = virtualHost,
        ["RabbitMqTransport__User"] = UserName,
        ["RabbitMqTransport__Pass"] = Password,
    };

    public ConnectionFactory CreateConnectionFactory(string virtualHost = "/") => new()
    {
        HostName = Host,
        Port = Port,
        UserName = UserName,
        Password = Password,
        VirtualHost = virtualHost,
        RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
    };

    public static async Task<RabbitMqNode> StartAsync(CancellationToken cancellationToken = default) =>
        await StartAsync(DefaultStartTimeout, cancellationToken);

    public static Task<RabbitMqNode> StartAsync(TimeSpan startTimeout, CancellationToken cancellationToken = default) =>
        StartAsync(startTimeout, management: false, cookie: null, cancellationToken);

    /// <summary>
    /// A node with the management plugin (HTTP API on <see cref="ManagementUri"/>) and the Prometheus plugin
    /// (<see cref="PrometheusUri"/>), both on 127.0.0.1, answering before this returns.
    /// </summary>
    public static Task<RabbitMqNode> StartWithManagementAsync(CancellationToken cancellationToken = default) =>
        StartAsync(DefaultStartTimeout, management: true, cookie: null, cancellationToken);

    /// <summary>Starts a node with the given Erlang cookie (nodes of one cluster share theirs; null: a fresh one).</summary>
    public static Task<RabbitMqNode> StartAsync(TimeSpan startTimeout, string? cookie, CancellationToken cancellationToken = default) =>
        StartAsync(startTimeout, management: false, cookie, cancellationToken);

    /// <summary>A node whose Erlang VM gets <paramref name="erlangArguments"/> too (e.g. scheduler flags, as a deployment sets them).</summary>
    public static Task<RabbitMqNode> StartWithArgumentsAsync(string erlangArguments, CancellationToken cancellationToken = default) =>
        StartAsync(DefaultStartTimeout, management: false, cookie: null, cancellationToken, erlangArguments);

    private static async Task<RabbitMqNode> StartAsync(TimeSpan startTimeout, bool management, string? cookie, CancellationToken cancellationToken, string? erlangArguments = null)
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Throwaway RabbitMQ nodes run on Linux only.");
        }

        if (!File.Exists(ServerScript))
        {
            throw new InvalidOperationException(
                $"RabbitMQ is not installed: {ServerScript} is missing. Install it with 'apt-get install -y rabbitmq-server' (tests/run.sh does this).");
        }

        var epmd = ProcessEnvironment.FindOnPath("epmd")
            ?? (File.Exists(ErlangEpmd) ? ErlangEpmd : null)
            ?? throw new InvalidOperationException($"epmd (Erlang's port mapper) was not found on PATH or at {ErlangEpmd}.");

        // Ports are chosen free but not reserved, so another process may take one first; the node then exits at
        // once and a second try with fresh ports succeeds. A node that never answers is not retried.
        for (var attempt = 1; ; attempt++)
        {
            var node = await LaunchAsync(epmd, management, cookie, erlangArguments, cancellationToken);
            try
            {
                await node.WaitUntilAcceptingConnectionsAsync(startTimeout, cancellationToken);
                if (management)
                {
                    await node.WaitUntilManagementAnswersAsync(startTimeout, cancellationToken);
                }

                return node;
            }
            catch (InvalidOperationException) when (attempt < StartAttempts && node._process.HasExited)
            {
                await node.DisposeAsync();
            }
            catch
            {
                await node.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Creates a virtual host with a unique name (or the given one) and grants the guest user full rights on it.</summary>
    public async Task<string> CreateVirtualHostAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        var virtualHost = name ?? $"test-{Guid.NewGuid():N}"[..17];
        await ControlAsync(["add_vhost", virtualHost], cancellationToken);
        await ControlAsync(["set_permissions", "-p", virtualHost, UserName, ".*", ".*", ".*"], cancellationToken);
        return virtualHost;
    }

    /// <summary>
    /// Runs <c>rabbitmqctl -n NODE args...</c> against this node and returns its standard output. rabbitmqctl boots an
    /// Erlang VM of its own each time, which took over a minute at load 60: each attempt may take
    /// <see cref="ControlAttemptTimeout"/>, and one that times out is killed and run again, up to <see cref="ControlAttempts"/> times.
    /// A repeated <c>add_vhost</c> whose first attempt got through before it was killed finds the vhost there: success.
    /// </summary>
    public async Task<string> ControlAsync(IEnumerable<string> arguments, CancellationToken cancellationToken = default)
    {
        string[] command = [.. arguments.Prepend(NodeName).Prepend("-n")];
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var result = await ExternalCommand.RunAsync(ControlScript, command, _environment, ControlAttemptTimeout, cancellationToken);
                if (result.ExitCode != 0 && !(attempt > 1 && result.StandardError.Contains("already_exists", StringComparison.Ordinal)))
                {
                    throw new InvalidOperationException(
                        $"'{result.CommandLine}' exited with code {result.ExitCode}.\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
                }

                return result.StandardOutput;
            }
            catch (TimeoutException) when (attempt < ControlAttempts)
            {
                // Killed at the bound: the machine is overloaded, not the node broken; try again.
            }
        }
    }

    /// <summary>
    /// Kills the node the hard way (SIGKILL to its whole process group, as a crashed machine would), keeping its
    /// directory, so <see cref="StartAgainAsync"/> brings it back with its durable queues and persistent messages.
    /// </summary>
    public async Task CrashAsync()
    {
        Signals.SendToGroup(ProcessId, Signals.Kill);
        if (!await WaitForGroupToEndAsync(ProcessId, StopTimeout))
        {
            throw new InvalidOperationException($"RabbitMQ node {NodeName} (process group {ProcessId}) was still running {StopTimeout.TotalSeconds:0} s after SIGKILL.");
        }
    }

    /// <summary>Starts the node again after <see cref="CrashAsync"/>: same directory, node name and ports.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken = default)
    {
        if (!_process.HasExited)
        {
            throw new InvalidOperationException($"RabbitMQ node {NodeName} is still running.");
        }

        _process.Dispose();
        _process = Launch(Directory, _environment);
        ProcessId = _process.Id;
        await WaitUntilAcceptingConnectionsAsync(DefaultStartTimeout, cancellationToken);
    }

    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        try
        {
            await StopProcessGroupAsync();
        }
        finally
        {
            _process.Dispose();
            if (_startedEpmd)
            {
                await Epmd.StopIfIdleAsync(_epmd);
            }

            await TestDirectory.DeleteAsync(Directory);
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    /// <summary>The broker memory settings docker-compose mounts (the quorum queues' write-ahead log size): every node runs with them.</summary>
    public static string MemorySettings => Path.Combine(RepositoryPaths.Root, "deploy", "rabbitmq", "memory.conf");

    private static Dictionary<string, string?> WriteLayout(string directory, string nodeName, int port, int distributionPort, (int Management, int Prometheus)? plugins, string? cookieValue, string? erlangArguments)
    {
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "log"));
        System.IO.Directory.CreateDirectory(Path.Combine(directory, "mnesia"));
        File.WriteAllText(Path.Combine(directory, "rabbitmq-env.conf"), string.Empty);
        File.WriteAllText(Path.Combine(directory, "enabled_plugins"), plugins is null ? "[].\n" : "[rabbitmq_management,rabbitmq_prometheus].\n");
        var pluginSettings = plugins is { } ports
            ? string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"management.tcp.ip = 127.0.0.1\nmanagement.tcp.port = {ports.Management}\nprometheus.tcp.ip = 127.0.0.1\nprometheus.tcp.port = {ports.Prometheus}\n")
            : string.Empty;
        File.WriteAllText(
            Path.Combine(directory, "rabbitmq.conf"),
            "loopback_users = none\nlog.console = false\nlog.file.level = info\n" + pluginSettings + File.ReadAllText(MemorySettings));
        var cookie = Path.Combine(directory, ".erlang.cookie");
        File.WriteAllText(cookie, cookieValue ?? Guid.NewGuid().ToString("N").ToUpperInvariant());
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(cookie, UnixFileMode.UserRead);
        }

        var environment = new Dictionary<string, string?>
        {
            ["HOME"] = directory,
            ["RABBITMQ_CONF_ENV_FILE"] = Path.Combine(directory, "rabbitmq-env.conf"),
            ["RABBITMQ_NODENAME"] = nodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = distributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(directory, "log"),
            ["RABBITMQ_PID_FILE"] = Path.Combine(directory, "rabbit.pid"),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(directory, "rabbitmq.conf"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(directory, "enabled_plugins"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = ("-kernel inet_dist_use_interface {127,0,0,1} " + erlangArguments).TrimEnd(),
            ["ERL_EPMD_ADDRESS"] = "127.0.0.1",
        };

        // Settings inherited from the caller's environment must not leak into the throwaway node.
        foreach (var name in Environment.GetEnvironmentVariables().Keys.OfType<string>())
        {
            if (name.StartsWith("RABBITMQ_", StringComparison.Ordinal) && !environment.ContainsKey(name))
            {
                environment[name] = null;
            }
        }

        return environment;
    }

    private static async Task<RabbitMqNode> LaunchAsync(string epmd, bool management, string? cookie, string? erlangArguments, CancellationToken cancellationToken)
    {
        var directory = TestDirectory.Create("rmq");
        var nodeName = $"newsingest-{Path.GetFileName(directory)[^8..]}@localhost";
        var port = FreePort.Next();
        var distributionPort = FreePort.Next();
        (int Management, int Prometheus)? plugins = management ? (FreePort.Next(), FreePort.Next()) : null;
        var environment = WriteLayout(directory, nodeName, port, distributionPort, plugins, cookie, erlangArguments);
        var startedEpmd = await Epmd.EnsureRunningAsync(epmd, cancellationToken);
        var process = Launch(directory, environment);
        return new RabbitMqNode(process, directory, nodeName, port, distributionPort, environment, epmd, startedEpmd)
        {
            ManagementUri = plugins is { } ports ? new Uri($"http://127.0.0.1:{ports.Management}/") : null,
            PrometheusUri = plugins is { } metrics ? new Uri($"http://127.0.0.1:{metrics.Prometheus}/") : null,
        };
    }

    private static Process Launch(string directory, IReadOnlyDictionary<string, string?> environment)
    {
        // "exec setsid" keeps the pid: the shell is not a group leader, so setsid makes the server script the
        // leader of a new process group (pid == pgid) that holds beam.smp and its helpers; stopping signals the group.
        var startInfo = new ProcessStartInfo("/bin/sh")
        {
            UseShellExecute = false,
            WorkingDirectory = directory,
            ArgumentList = { "-c", "exec setsid \"$0\" >\"$1\" 2>&1 </dev/null", ServerScript, Path.Combine(directory, "stdout.log") },
        };
        ProcessEnvironment.Apply(startInfo, environment);
        return Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {ServerScript}.");
    }

    private async Task WaitUntilAcceptingConnectionsAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var factory = CreateConnectionFactory();
        factory.RequestedConnectionTimeout = TimeSpan.FromSeconds(3);
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw Failure($"RabbitMQ node {NodeName} exited with code {_process.ExitCode} before accepting connections on port {Port}.");
            }

            try
            {
                await using var connection = await factory.CreateConnectionAsync(cancellationToken);
                return;
            }
            catch (BrokerUnreachableException) when (clock.Elapsed < timeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200), cancellationToken);
            }
            catch (BrokerUnreachableException ex)
            {
                throw Failure($"RabbitMQ node {NodeName} did not accept an AMQP connection on {Host}:{Port} within {timeout.TotalSeconds:0} s.", ex);
            }
        }
    }

    private async Task WaitUntilManagementAnswersAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue(
            "Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{UserName}:{Password}")));
        try
        {
            await Eventually.UntilAsync(
                async () =>
                {
                    try
                    {
                        using var overview = await http.GetAsync(new Uri(ManagementUri!, "api/overview"), cancellationToken);
                        using var metrics = await http.GetAsync(new Uri(PrometheusUri!, "metrics"), cancellationToken);
                        return overview.IsSuccessStatusCode && metrics.IsSuccessStatusCode;
                    }
                    catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
                    {
                        return false;
                    }
                },
                timeout,
                $"the management and Prometheus plugins of {NodeName} answer",
                cancellationToken);
        }
        catch (TimeoutException ex)
        {
            throw Failure(ex.Message, ex);
        }
    }

    private InvalidOperationException Failure(string message, Exception? inner = null) =>
        new($"{message}\n--- {LogFile} (tail) ---\n{TestDirectory.Tail(LogFile, 40)}\n--- stdout.log (tail) ---\n{TestDirectory.Tail(Path.Combine(Directory, "stdout.log"), 20)}", inner);

    private async Task StopProcessGroupAsync()
    {
        var group = ProcessId;
        Signals.SendToGroup(group, Signals.Terminate);
        if (!await WaitForGroupToEndAsync(group, StopTimeout))
        {
            Signals.SendToGroup(group, Signals.Kill);
            await WaitForGroupToEndAsync(group, TimeSpan.FromSeconds(10));
        }
    }

    private async Task<bool> WaitForGroupToEndAsync(int group, TimeSpan timeout)
    {
        try
        {
            await Eventually.UntilAsync(
                () => _process.HasExited && !Signals.GroupIsAlive(group),
                timeout,
                $"process group {group} of RabbitMQ node {NodeName} has ended");
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }
}
