using System.Data.Common;
using System.Net.Sockets;
using MassTransit;
using RabbitMQ.Client.Exceptions;

namespace NewsIngest.ServiceDefaults.Reliability;

/// <summary>
/// Tells an outage (a dependency that is down or overloaded: database, broker, claim-check store) from a message
/// that is wrong in itself. An outage is waited out; only a message wrong in itself goes to the <c>_error</c> queue.
/// </summary>
public static class TransientFaults
{
    /// <summary>True when <paramref name="exception"/>, or the first decisive exception inside it, is an outage.</summary>
    public static bool IsTransient(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (Classify(current) is { } verdict)
            {
                return verdict;
            }

            if (current is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Any(IsTransient);
            }
        }

        return false;
    }

    private static bool? Classify(Exception exception) => exception switch
    {
        // A body that is not where the message says is this message's problem, not an outage.
        FileNotFoundException or DirectoryNotFoundException => false,
        DbException database => IsTransient(database),
        SocketException or TimeoutException or IOException => true,
        AlreadyClosedException or BrokerUnreachableException or ConnectFailureException => true,
        ConnectionException or TransportUnavailableException or MessageNotAcknowledgedException => true,
        HttpRequestException => true,
        _ => null,
    };

    private static bool? IsTransient(DbException exception)
    {
        if (exception.IsTransient)
        {
            return true;
        }

        // SQLSTATE classes: 08 connection exception, 53 insufficient resources, 57P operator intervention (shutdown,
        // starting up), 40001/40P01 serialisation failure and deadlock. Any other state is a verdict on this message.
        return exception.SqlState switch
        {
            null => null,
            var state when state.StartsWith("08", StringComparison.Ordinal) || state.StartsWith("53", StringComparison.Ordinal) || state.StartsWith("57P", StringComparison.Ordinal) => true,
            "40001" or "40P01" => true,
            _ => false,
        };
    }
}
