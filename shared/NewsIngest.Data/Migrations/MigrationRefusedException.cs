namespace NewsIngest.Data.Migrations;

/// <summary>The database's schema history disagrees with this build: nothing was migrated.</summary>
public sealed class MigrationRefusedException : Exception
{
    public MigrationRefusedException()
    {
    }

    public MigrationRefusedException(string message)
        : base(message)
    {
    }

    public MigrationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
