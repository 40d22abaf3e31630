using System.Net.Sockets;

namespace NewsIngest.Cli.Terminal;

/// <summary>Turns what a command threw into the one line the user reads, and its exit code.</summary>
public static class CliErrors
{
    public static int Report(Exception exception, bool verbose, TextWriter error)
    {
        var (message, code) = Describe(exception);
        var unexpected = code == ExitCodes.Failure && message.StartsWith(UnexpectedPrefix, StringComparison.Ordinal);
        error.WriteLine($"newsingest: {ConsoleText.OneLine(message)}");
        if (verbose)
        {
            error.WriteLine(exception.ToString());
        }
        else if (unexpected)
        {
            error.WriteLine("newsingest: run again with --verbose for the details");
        }

        return code;
    }

    private const string UnexpectedPrefix = "unexpected error: ";

    private static (string Message, int Code) Describe(Exception exception) => exception switch
    {
        CliException cli => (cli.Message, cli.ExitCode),
        Microsoft.Extensions.Options.OptionsValidationException options =>
            ($"the configuration is invalid: {string.Join("; ", options.Failures)}", ExitCodes.Usage),
        RabbitMQ.Client.Exceptions.BrokerUnreachableException broker =>
            ($"cannot reach the broker: {Innermost(broker).Message}; is RabbitMQ running, and is --amqp right?", ExitCodes.Failure),
        SocketException socket => ($"network error: {socket.Message}", ExitCodes.Failure),
        UnauthorizedAccessException access => ($"permission denied: {access.Message}", ExitCodes.Failure),
        IOException io => ($"{io.Message}", ExitCodes.Failure),
        _ => ($"{UnexpectedPrefix}{Innermost(exception).Message}", ExitCodes.Failure),
    };

    private static Exception Innermost(Exception exception)
    {
        while (exception.InnerException is { } inner)
        {
            exception = inner;
        }

        return exception;
    }
}
