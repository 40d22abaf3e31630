using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NewsIngest.IntegrationTests.Store;

public static class QueueDepth
{
    /// <summary>Messages ready in <paramref name="queue"/>; 0 when the queue does not exist (MassTransit declares an error queue on its first fault).</summary>
    public static async Task<uint> CountAsync(ConnectionFactory factory, string queue)
    {
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (OperationInterruptedException ex) when (ex.ShutdownReason?.ReplyCode == 404)
        {
            return 0;
        }
    }
}
