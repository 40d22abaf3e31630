namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>Where bodies too large to travel inline are kept (with the RabbitMQ transport; the in-memory one keeps them in memory).</summary>
public enum ClaimCheckStore
{
    /// <summary>A folder every service mounts (<c>Messaging:ClaimCheckPath</c>): one machine, or a shared volume.</summary>
    Folder = 0,

    /// <summary>A <c>claim_checks</c> table in PostgreSQL (<c>Messaging:ClaimCheckConnectionString</c>): every node can reach it.</summary>
    Postgres = 1,
}
