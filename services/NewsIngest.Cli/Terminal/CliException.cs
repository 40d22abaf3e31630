namespace NewsIngest.Cli.Terminal;

/// <summary>
/// An error the user can act on: printed as one line on stderr (<c>newsingest: …</c>) with its exit code; the
/// stack trace only with <c>--verbose</c>.
/// </summary>
public sealed class CliException(string message, int exitCode, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;

    public static CliException Usage(string message) => new(message, ExitCodes.Usage);

    public static CliException NoArticle(string message) => new(message, ExitCodes.NoArticle);

    public static CliException Failure(string message, Exception? inner = null) => new(message, ExitCodes.Failure, inner);
}
