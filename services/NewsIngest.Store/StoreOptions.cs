using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Store;

public enum StoreProvider
{
    Unset = 0,
    Postgres = 1,
    Sqlite = 2,
}

/// <summary>The <c>Store</c> section.</summary>
public sealed class StoreOptions : IValidatableObject
{
    public const string Section = "Store";

    /// <summary><c>Postgres</c> for the services, <c>Sqlite</c> for the all-in-one mode.</summary>
    public StoreProvider Provider { get; set; }

    [Required]
    public string? ConnectionString { get; set; }

    /// <summary>How long the replay stream keeps records (RabbitMQ <c>x-max-age</c>: 7D, 12h, 30m, …).</summary>
    [RegularExpression("^[0-9]+(Y|M|D|h|m|s)$")]
    public string ReplayRetention { get; set; } = "7D";

    /// <summary>How far back a new article is compared with stored stories (near-duplicate text and canonical
    /// URL; the exact-text key is unique for good). Default 30 days.</summary>
    public TimeSpan DedupWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>
    /// How long a store replica holds the outbox rows it is publishing: the batches it claims, and each record it
    /// stores, from the moment it is stored (it publishes its own records without a claim). A replica that dies holding
    /// them keeps them from the topic this long; then any replica publishes them, once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Key the query API requires in <c>X-Api-Key</c>; without one the API answers loopback peers only.</summary>
    public string? QueryApiKey { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DedupWindow <= TimeSpan.Zero)
        {
            yield return new ValidationResult("must be a positive time span, e.g. 30.00:00:00", [nameof(DedupWindow)]);
        }

        if (Provider == StoreProvider.Unset)
        {
            yield return new ValidationResult("must be Postgres or Sqlite", [nameof(Provider)]);
        }
    }
}
