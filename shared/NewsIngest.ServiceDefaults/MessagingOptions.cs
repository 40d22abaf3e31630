using System.ComponentModel.DataAnnotations;
using NewsIngest.ServiceDefaults.ClaimChecks;

namespace NewsIngest.ServiceDefaults;

public enum MessagingTransport
{
    /// <summary>Not set: start-up fails and names the setting.</summary>
    Unset = 0,
    RabbitMq = 1,
    InMemory = 2,
}

/// <summary>The <c>Messaging</c> section. The broker itself is MassTransit's <c>RabbitMqTransport</c> section.</summary>
public sealed class MessagingOptions : IValidatableObject
{
    public const string Section = "Messaging";

    /// <summary><c>RabbitMq</c> for the distributed services, <c>InMemory</c> for the all-in-one mode.</summary>
    public MessagingTransport Transport { get; set; }

    /// <summary>
    /// Folder shared by all services where claim-checked bodies are kept (a volume under docker-compose).
    /// Required with RabbitMQ and the <c>Folder</c> store; the in-memory transport keeps bodies in memory.
    /// </summary>
    public string? ClaimCheckPath { get; set; }

    /// <summary>How long a claim-checked body is kept when no stage releases it (the sweeper deletes it then).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan ClaimCheckTimeToLive { get; set; } = TimeSpan.FromDays(1);

    /// <summary><c>Folder</c> (<see cref="ClaimCheckPath"/>) or <c>Postgres</c> (<see cref="ClaimCheckConnectionString"/>), with RabbitMQ.</summary>
    public ClaimCheckStore ClaimCheckStore { get; set; } = ClaimCheckStore.Folder;

    /// <summary>Npgsql connection string of the database holding the <c>claim_checks</c> table.</summary>
    public string? ClaimCheckConnectionString { get; set; }

    /// <summary>Bodies of at most this many bytes travel inline in the message (no claim check at all); 0 for never.</summary>
    [Range(0, 32 * 1024)]
    public int ClaimCheckInlineBytes { get; set; } = 16 * 1024;

    /// <summary>Largest claim-check file read from the folder; a larger one is refused unread.</summary>
    [Range(1024, 1024L * 1024 * 1024)]
    public long ClaimCheckMaxBytes { get; set; } = 64L * 1024 * 1024;

    /// <summary>How often expired claim checks are deleted.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan ClaimCheckSweepInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Messages a consumer handles at once (per replica).</summary>
    [Range(1, 256)]
    public int ConcurrentMessageLimit { get; set; } = 8;

    /// <summary>
    /// Declare the services' queues as quorum queues (replicated across a RabbitMQ cluster, surviving the
    /// loss of a node). On by default; RabbitMQ cannot change a queue's type, so a broker whose queues were
    /// declared classic before needs them deleted (drained first) or this set to false.
    /// </summary>
    public bool QuorumQueues { get; set; } = true;

    /// <summary>
    /// The RabbitMQ cluster's nodes as comma-separated <c>host:port</c> pairs. When set, the services connect
    /// to the first node that answers and fail over to another when theirs goes down; the
    /// <c>RabbitMqTransport</c> section still gives the virtual host and the credentials. Empty: the one
    /// node of <c>RabbitMqTransport:Host</c>/<c>Port</c>.
    /// </summary>
    [RegularExpression(@"^\s*[^,:\s]+:[0-9]{1,5}\s*(,\s*[^,:\s]+:[0-9]{1,5}\s*)*$")]
    public string? BrokerNodes { get; set; }

    /// <summary><see cref="BrokerNodes"/> as a list of <c>(host, port)</c>; empty when not set.</summary>
    public IReadOnlyList<(string Host, int Port)> BrokerNodeList =>
        string.IsNullOrWhiteSpace(BrokerNodes)
            ? []
            : [.. BrokerNodes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(node => (node[..node.LastIndexOf(':')], int.Parse(node[(node.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture)))];

    /// <summary>
    /// Quick retries of a message that failed for a reason of its own (bad data, a constraint it breaks) before it
    /// goes to the <c>_error</c> queue with the reason in its headers.
    /// </summary>
    [Range(0, 10)]
    public int RetryLimit { get; set; } = 3;

    /// <summary>
    /// Retries of a message whose consumer hit an outage (database, broker or claim-check store unreachable), with
    /// exponential back-off from <see cref="TransientRetryMinInterval"/> to <see cref="TransientRetryMaxInterval"/>.
    /// The defaults wait out about ten minutes; keep the total below RabbitMQ's <c>consumer_timeout</c> (30 min).
    /// </summary>
    [Range(0, 100)]
    public int TransientRetryLimit { get; set; } = 15;

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TransientRetryMinInterval { get; set; } = TimeSpan.FromSeconds(1);

    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan TransientRetryMaxInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long the transient retries wait in all: the longest outage a message rides out.</summary>
    public TimeSpan TransientRetryBudget =>
        TimeSpan.FromTicks(TransientRetryIntervals().Sum(interval => interval.Ticks));

    /// <summary>The waits before each transient retry: min + 2^i × min, capped at max (MassTransit's exponential policy).</summary>
    public IEnumerable<TimeSpan> TransientRetryIntervals() =>
        Enumerable.Range(0, TransientRetryLimit).Select(i =>
            TimeSpan.FromMilliseconds(Math.Min(TransientRetryMaxInterval.TotalMilliseconds, TransientRetryMinInterval.TotalMilliseconds * (1 + Math.Pow(2, i)))));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Transport == MessagingTransport.Unset)
        {
            yield return new ValidationResult("must be RabbitMq or InMemory", [nameof(Transport)]);
        }

        if (TransientRetryMaxInterval < TransientRetryMinInterval)
        {
            yield return new ValidationResult("must not be shorter than TransientRetryMinInterval", [nameof(TransientRetryMaxInterval)]);
        }

        if (Transport == MessagingTransport.RabbitMq && ClaimCheckStore == ClaimCheckStore.Folder && string.IsNullOrWhiteSpace(ClaimCheckPath))
        {
            yield return new ValidationResult("is required with the RabbitMq transport and the Folder claim-check store (a folder every service shares)", [nameof(ClaimCheckPath)]);
        }

        if (Transport == MessagingTransport.RabbitMq && ClaimCheckStore == ClaimCheckStore.Postgres && string.IsNullOrWhiteSpace(ClaimCheckConnectionString))
        {
            yield return new ValidationResult("is required with the Postgres claim-check store", [nameof(ClaimCheckConnectionString)]);
        }
    }
}
