using System.Globalization;
using NewsIngest.Testing.Pipeline;

namespace NewsIngest.LoadDriver;

/// <summary>
/// Time each service's JIT compiler has spent so far, from its <c>/metrics</c> (the runtime's
/// <c>dotnet.jit.compilation.time</c>): what ReadyToRun code and tiered compilation trade against each other. A service
/// whose metrics do not answer is left out.
/// </summary>
internal sealed class JitReading
{
    private const string Metric = "dotnet_jit_compilation_time_seconds_total";
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(5) };

    private readonly Dictionary<string, double> _seconds;

    private JitReading(Dictionary<string, double> seconds) => _seconds = seconds;

    public static async Task<JitReading> TakeAsync(PipelineServices services)
    {
        var seconds = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var project in services.Processes.Keys)
        {
            try
            {
                var text = await Http.GetStringAsync(new Uri(services.AddressOf(project), "/metrics"));
                var line = text.Split('\n').FirstOrDefault(l => l.StartsWith(Metric, StringComparison.Ordinal));
                if (line is not null && double.TryParse(line.Split(' ')[^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    seconds[project] = value;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not answering now: no JIT figure for it.
            }
        }

        return new JitReading(seconds);
    }

    /// <summary>JIT time per service between <paramref name="earlier"/> and this reading.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Since(JitReading earlier) =>
        _seconds.Where(s => earlier._seconds.ContainsKey(s.Key))
            .ToDictionary(s => s.Key, s => TimeSpan.FromSeconds(s.Value - earlier._seconds[s.Key]), StringComparer.Ordinal);
}
