namespace NewsIngest.Cli.Terminal;

/// <summary>The exit codes of every <c>newsingest</c> command (documented in the README).</summary>
public static class ExitCodes
{
    /// <summary>Done; for <c>run --once</c>, every source was read and every article went through.</summary>
    public const int Ok = 0;

    /// <summary>Something failed while working: a source, a broker, a database, an unexpected error.</summary>
    public const int Failure = 1;

    /// <summary>The command line or the configuration is wrong: nothing was done.</summary>
    public const int Usage = 2;

    /// <summary>The input was read but holds no article (or is not a feed, or is binary).</summary>
    public const int NoArticle = 3;
}
