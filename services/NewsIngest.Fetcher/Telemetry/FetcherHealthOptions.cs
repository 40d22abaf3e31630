using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Fetcher.Telemetry;

/// <summary>The <c>Fetcher:Health</c> section.</summary>
public sealed class FetcherHealthOptions
{
    public const string Section = "Fetcher:Health";

    /// <summary>The fetcher is not ready when its loop has not finished a pass over the sources for this long.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan LoopStallAfter { get; set; } = TimeSpan.FromMinutes(10);
}
