using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NewsIngest.Store.Api;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Cli.Web;

/// <summary>
/// What <c>newsingest run</c> (without <c>--once</c>) serves on localhost: the store's own query API and a small
/// read-only page over it (latest stories, search, filters, one article with its entities, places and counts).
/// </summary>
public sealed class StoreWebServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StoreWebServer(WebApplication app, string address)
    {
        _app = app;
        Address = address;
    }

    public string Address { get; }

    public static async Task<StoreWebServer> StartAsync(ArticleQueries queries, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Services.AddSingleton(queries);
        builder.Services.AddProblemDetails();
        var app = builder.Build();
        var page = Path.Combine(AppContext.BaseDirectory, "web", "index.html");
        app.MapGet("/", () => Results.File(page, "text/html; charset=utf-8"));
        app.MapStoreApi();
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new StoreWebServer(app, address);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
