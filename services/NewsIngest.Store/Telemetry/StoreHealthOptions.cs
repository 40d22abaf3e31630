using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Store.Telemetry;

/// <summary>The <c>Store:Health</c> section: when the outbox counts as stuck.</summary>
public sealed class StoreHealthOptions
{
    public const string Section = "Store:Health";

    /// <summary>Not ready when more records than this wait to be published.</summary>
    [Range(1, int.MaxValue)]
    public int MaxOutboxBacklog { get; set; } = 10_000;

    /// <summary>Not ready when the oldest record waiting to be published is older than this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxOutboxAge { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>How often the outbox is sampled for the gauges and the check.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan OutboxSampleInterval { get; set; } = TimeSpan.FromSeconds(5);
}
