using Xunit;

namespace NewsIngest.Testing;

/// <summary>
/// One throwaway RabbitMQ node shared by a whole test assembly. Register once per assembly with
/// <c>[assembly: AssemblyFixture(typeof(BrokerFixture))]</c> and take it in a test class constructor;
/// isolate tests with <see cref="RabbitMqNode.CreateVirtualHostAsync"/> or unique queue names.
/// </summary>
public sealed class BrokerFixture : IAsyncLifetime
{
    private RabbitMqNode? _node;

    public RabbitMqNode Node => _node ?? throw new InvalidOperationException("The broker fixture has not been initialized.");

    public async ValueTask InitializeAsync() => _node = await RabbitMqNode.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_node is not null)
        {
            await _node.DisposeAsync();
        }
    }
}
