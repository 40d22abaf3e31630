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

    /// <summary>
    /// How long a store replica holds the outbox rows it is publishing. A replica that dies holding them keeps them
    /// from the topic this long; then any replica publishes them, once.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:02", "00:10:00")]
    public TimeSpan OutboxLease { get; set; } = TimeSpan.FromSeconds(30);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StoreProvider.Unset)
        {
            yield return new ValidationResult("must be Postgres or Sqlite", [nameof(Provider)]);
        }
    }
}
