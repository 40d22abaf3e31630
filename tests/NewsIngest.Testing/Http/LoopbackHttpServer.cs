using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace NewsIngest.Testing;

/// <summary>
/// A real Kestrel server on 127.0.0.1 with an OS-chosen port, for serving feeds and pages to code under test
/// (including separate service processes). Handlers are registered per exact path and may be replaced while running;
/// unmapped paths answer 404. Every request is recorded.
/// </summary>
public sealed class LoopbackHttpServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, Func<HttpContext, Task>> _handlers = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();

    private LoopbackHttpServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    /// <summary>Root of the server, e.g. <c>http://127.0.0.1:40123/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, oldest first.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    public static async Task<LoopbackHttpServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();

        LoopbackHttpServer? server = null;
        app.Run(context => server!.HandleAsync(context));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("Kestrel started without reporting its address.");
        server = new LoopbackHttpServer(app, new Uri(address.TrimEnd('/') + "/"));
        return server;
    }

    /// <summary>Absolute URL of a path on this server.</summary>
    public Uri UrlFor(string path) => new(BaseAddress, path.TrimStart('/'));

    /// <summary>Serves <paramref name="path"/> (exact match, e.g. "/feeds/world.xml") with a handler; replaces any earlier one.</summary>
    public void Map(string path, Func<HttpContext, Task> handler) => _handlers[Normalize(path)] = handler;

    /// <summary>Serves <paramref name="path"/> with a canned response (status, body, content type, headers, optional delay).</summary>
    public void MapResponse(string path, StaticResponse response) => Map(path, context => WriteAsync(context, response));

    /// <summary>Number of requests received for <paramref name="path"/>, mapped or not.</summary>
    public int RequestCount(string path) => RequestsTo(path).Count;

    public IReadOnlyList<RecordedRequest> RequestsTo(string path)
    {
        var normalized = Normalize(path);
        return [.. _requests.Where(request => request.Path == normalized)];
    }

    public async ValueTask DisposeAsync()
    {
        // Requests still in flight (a slow response nobody waits for) get two seconds, not the host's default thirty.
        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        await _app.StopAsync(grace.Token);
        await _app.DisposeAsync();
    }

    private static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;

    private async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var path = request.Path.HasValue ? request.Path.Value : "/";
        var headers = request.Headers.ToDictionary(
            header => header.Key, header => header.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        _requests.Enqueue(new RecordedRequest(request.Method, path, request.QueryString.Value ?? string.Empty, headers, DateTimeOffset.UtcNow));

        if (_handlers.TryGetValue(path, out var handler))
        {
            await handler(context);
        }
        else
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
        }
    }

    private static async Task WriteAsync(HttpContext context, StaticResponse response)
    {
        if (response.Delay > TimeSpan.Zero)
        {
            await Task.Delay(response.Delay, context.RequestAborted);
        }

        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (response.ContentType is not null)
        {
            context.Response.ContentType = response.ContentType;
        }

        if (response.Body.Length > 0)
        {
            context.Response.ContentLength = response.Body.Length;
            await context.Response.Body.WriteAsync(response.Body, context.RequestAborted);
        }
    }
}
