namespace NewsIngest.ServiceDefaults;

/// <summary>
/// The names operators and dashboards depend on: our meters and activity sources (one per service, all under
/// <c>NewsIngest.</c>), MassTransit's own, and the baggage item that carries an article's fetch time to the store.
/// </summary>
public static class TelemetryNames
{
    /// <summary>Every meter and activity source of ours starts with this; the providers subscribe to the wildcard.</summary>
    public const string Prefix = "NewsIngest.";

    /// <summary>MassTransit's <c>ActivitySource</c> and <c>Meter</c> (publish, send, receive, consume).</summary>
    public const string MassTransit = "MassTransit";

    /// <summary>Npgsql's meter (connection pool, command durations).</summary>
    public const string Npgsql = "Npgsql";

    /// <summary>
    /// Baggage set on the fetcher's root span and carried by MassTransit (its correlation-context header) to every
    /// later stage: the fetch time as Unix milliseconds, from which the store measures end-to-end latency.
    /// </summary>
    public const string FetchedAtBaggage = "newsingest.fetched_at";
}
