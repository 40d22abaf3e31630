namespace NewsIngest.Data.Migrations;

/// <summary>What a run did: the schema version reached, scripts applied now, and versions adopted from the legacy table.</summary>
public sealed record MigrationResult(int Version, int Applied, int Adopted);
