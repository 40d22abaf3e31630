using Xunit;

namespace NewsIngest.Testing;

/// <summary>
/// One throwaway PostgreSQL server shared by a whole test assembly. Register once per assembly with
/// <c>[assembly: AssemblyFixture(typeof(DatabaseFixture))]</c>; give each test its own database with
/// <see cref="PostgresServer.CreateDatabaseAsync"/>.
/// </summary>
public sealed class DatabaseFixture : IAsyncLifetime
{
    private PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("The database fixture has not been initialized.");

    public async ValueTask InitializeAsync() => _server = await PostgresServer.StartAsync();

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
