using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsIngest.Data;
using NewsIngest.Store.Api;
using NewsIngest.Store.Persistence;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Api;

/// <summary>A migrated store (SQLite temp file or a fresh PostgreSQL database) served by a real Kestrel host on a free loopback port.</summary>
internal sealed class StoreApiHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly string? _sqlitePath;

    private StoreApiHost(WebApplication app, SqlArticleRepository repository, SqlOutbox outbox, HttpClient client, string? sqlitePath)
    {
        _app = app;
        Repository = repository;
        Outbox = outbox;
        Client = client;
        _sqlitePath = sqlitePath;
    }

    public SqlArticleRepository Repository { get; }

    public SqlOutbox Outbox { get; }

    public HttpClient Client { get; }

    public Microsoft.Extensions.Logging.Testing.FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<StoreApiHost> StartAsync(string backend, PostgresServer postgres, CancellationToken cancellationToken, string? apiKey = null)
    {
        string? sqlitePath = null;
        SqlDialect dialect;
        if (backend == "postgres")
        {
            dialect = SqlDialect.Postgres(await postgres.CreateDatabaseAsync(cancellationToken: cancellationToken));
        }
        else
        {
            sqlitePath = Path.Combine(Path.GetTempPath(), $"newsingest-api-{Guid.NewGuid():N}.db");
            dialect = SqlDialect.Sqlite($"Data Source={sqlitePath};Pooling=False");
        }

        var repository = new SqlArticleRepository(dialect);
        await repository.MigrateAsync(cancellationToken);

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(dialect);
        builder.Services.AddSingleton<ArticleQueries>();
        builder.Logging.AddFakeLogging();
        var app = builder.Build();
        app.MapStoreApi(apiKey);
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        return new StoreApiHost(app, repository, new SqlOutbox(dialect, TimeProvider.System), client, sqlitePath);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_sqlitePath is not null)
        {
            SqliteConnection.ClearAllPools();
            File.Delete(_sqlitePath);
        }
    }
}
