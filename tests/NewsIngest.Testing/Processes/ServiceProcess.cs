using System.Diagnostics;

namespace NewsIngest.Testing;

/// <summary>
/// A separate OS process (typically a built service run with <c>dotnet service.dll</c>) whose stdout and stderr
/// lines are captured. Tests await output with <see cref="WaitForOutputAsync"/>; dispose kills the whole process tree.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly List<OutputLine> _lines = [];
    private readonly Lock _gate = new();
    private TaskCompletionSource _changed = NewSignal();
    private int _openStreams = 2;
    private int _disposed;
    private int? _exitCodeAtDisposal;

    private ServiceProcess(Process process, string description, string commandLine)
    {
        _process = process;
        Description = description;
        CommandLine = commandLine;
    }

    /// <summary>Who this is, in messages and as a key: the assembly name for <see cref="StartDll"/> (e.g. <c>NewsIngest.Store</c>), else the command line.</summary>
    public string Description { get; }

    /// <summary>The full command line.</summary>
    public string CommandLine { get; }

    public int ProcessId { get; private set; }

    public bool HasExited => _exitCodeAtDisposal is not null || _process.HasExited;

    /// <summary>Exit code once the process has exited, else null.</summary>
    public int? ExitCode => _exitCodeAtDisposal ?? (_process.HasExited ? _process.ExitCode : null);

    /// <summary>Snapshot of every line printed so far (stdout and stderr interleaved in arrival order).</summary>
    public IReadOnlyList<string> Lines => [.. Output.Select(line => line.Text)];

    /// <summary>Snapshot of the stderr lines only.</summary>
    public IReadOnlyList<string> ErrorLines => [.. Output.Where(line => line.IsError).Select(line => line.Text)];

    /// <summary>Snapshot of every line with its stream and arrival time.</summary>
    public IReadOnlyList<OutputLine> Output
    {
        get
        {
            lock (_gate)
            {
                return [.. _lines];
            }
        }
    }

    /// <summary>Starts <c>dotnet &lt;dll&gt; [arguments]</c> in the dll's folder (so its appsettings.json is found).</summary>
    /// <param name="environment">Variables set on top of the inherited environment (e.g. <c>Messaging__Transport=RabbitMq</c>); null removes one.</param>
    public static ServiceProcess StartDll(
        string dllPath,
        IReadOnlyDictionary<string, string?>? environment = null,
        IEnumerable<string>? arguments = null,
        string? workingDirectory = null)
    {
        if (!File.Exists(dllPath))
        {
            throw new FileNotFoundException($"Service assembly {dllPath} does not exist; build the solution first.", dllPath);
        }

        return Launch(
            DotnetHost.Path,
            (arguments ?? []).Prepend(dllPath),
            workingDirectory ?? Path.GetDirectoryName(dllPath),
            environment,
            Path.GetFileNameWithoutExtension(dllPath));
    }

    /// <summary>Starts any executable with its output captured.</summary>
    public static ServiceProcess Start(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory = null,
        IReadOnlyDictionary<string, string?>? environment = null) =>
        Launch(fileName, arguments, workingDirectory, environment, description: null);

    private static ServiceProcess Launch(
        string fileName,
        IEnumerable<string> arguments,
        string? workingDirectory,
        IReadOnlyDictionary<string, string?>? environment,
        string? description)
    {
        var startInfo = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        ProcessEnvironment.Apply(startInfo, environment);

        var process = new Process { StartInfo = startInfo, EnableRaisingEvents = true };
        var commandLine = string.Join(' ', startInfo.ArgumentList.Prepend(fileName));
        var service = new ServiceProcess(process, description ?? commandLine, commandLine);
        process.OutputDataReceived += (_, e) => service.Record(e.Data, isError: false);
        process.ErrorDataReceived += (_, e) => service.Record(e.Data, isError: true);
        process.Exited += (_, _) => service.Signal();
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start '{commandLine}': {ex.Message}", ex);
        }

        service.ProcessId = process.Id;
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return service;
    }

    /// <summary>
    /// Returns the first line (already printed or yet to come) that satisfies <paramref name="predicate"/>.
    /// Throws <see cref="TimeoutException"/> after <paramref name="timeout"/>, or <see cref="InvalidOperationException"/>
    /// as soon as the process has exited without printing one; both messages carry the output's tail.
    /// </summary>
    public async Task<string> WaitForOutputAsync(Func<string, bool> predicate, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var next = 0;
        while (true)
        {
            List<OutputLine> fresh;
            Task changed;
            bool finished;
            lock (_gate)
            {
                fresh = _lines.GetRange(next, _lines.Count - next);
                next = _lines.Count;
                changed = _changed.Task;
                finished = _openStreams == 0 && _process.HasExited;
            }

            var match = fresh.FirstOrDefault(line => predicate(line.Text));
            if (match is not null)
            {
                return match.Text;
            }

            if (finished)
            {
                throw new InvalidOperationException(
                    $"'{Description}' exited with code {_process.ExitCode} without printing the awaited line.\n{Tail(40)}");
            }

            var remaining = timeout - clock.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"'{Description}' did not print the awaited line within {timeout.TotalSeconds:0.###} s.\n{Tail(40)}");
            }

            try
            {
                await changed.WaitAsync(remaining, cancellationToken);
            }
            catch (TimeoutException)
            {
                // Loop once more: the check above reports the timeout with the output attached.
            }
        }
    }

    /// <summary>Waits for the process to exit on its own and returns its exit code.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"'{Description}' did not exit within {timeout.TotalSeconds:0.###} s.\n{Tail(40)}");
        }

        return _process.ExitCode;
    }

    /// <summary>Asks the process to stop (SIGTERM, so a host can shut down gracefully), kills its tree after <paramref name="grace"/>.</summary>
    public async Task<int> StopAsync(TimeSpan grace)
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.Terminate);
            try
            {
                await WaitForExitAsync(grace);
            }
            catch (TimeoutException)
            {
                await KillTreeAsync();
            }
        }

        return _process.ExitCode;
    }

    /// <summary>Kills the process at once with SIGKILL to its process id (kill -9: no shutdown code runs) and waits until it has exited.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            Signals.Send(_process.Id, Signals.Kill);
        }

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await _process.WaitForExitAsync(deadline.Token);
    }

    /// <summary>The last <paramref name="count"/> lines, one per line, stderr marked; for failure messages.</summary>
    public string Tail(int count = 40) =>
        $"--- last output of {CommandLine} ---\n" + string.Join('\n', Output.TakeLast(count));

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await KillTreeAsync();
        _exitCodeAtDisposal = _process.HasExited ? _process.ExitCode : -1;
        _process.Dispose();
    }

    private async Task KillTreeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await _process.WaitForExitAsync(deadline.Token);
        }
        catch (InvalidOperationException)
        {
            // The process ended between the check and the kill.
        }
    }

    private void Record(string? text, bool isError)
    {
        lock (_gate)
        {
            if (text is null)
            {
                _openStreams--;
            }
            else
            {
                _lines.Add(new OutputLine(isError, text, DateTimeOffset.UtcNow));
            }
        }

        Signal();
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (_gate)
        {
            previous = _changed;
            _changed = NewSignal();
        }

        previous.TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
