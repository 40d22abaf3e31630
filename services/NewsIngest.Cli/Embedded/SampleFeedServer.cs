using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NewsIngest.Cli.Embedded;

/// <summary>
/// Serves the bundled sample feeds on 127.0.0.1, so the all-in-one mode reads them over HTTP exactly as
/// the fetcher reads any feed. The port is fixed (a feed's URL is part of its items' ids, so the same items stay the
/// same records across runs); when it is taken, a free one is used and the run says so.
/// </summary>
public sealed class SampleFeedServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SampleFeedServer(WebApplication app, IReadOnlyList<string> feedUrls)
    {
        _app = app;
        FeedUrls = feedUrls;
    }

    public IReadOnlyList<string> FeedUrls { get; }

    public static async Task<SampleFeedServer> StartAsync(string feedFolder, int port, CancellationToken cancellationToken)
    {
        try
        {
            return await StartOnAsync(feedFolder, port, cancellationToken);
        }
        catch (IOException) when (port != 0)
        {
            Console.Error.WriteLine($"newsingest: port {port} is taken; the sample feeds get another port, so their items are new records in this database");
            return await StartOnAsync(feedFolder, 0, cancellationToken);
        }
    }

    private static async Task<SampleFeedServer> StartOnAsync(string feedFolder, int port, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        var files = Directory.Exists(feedFolder) ? Directory.GetFiles(feedFolder).Order(StringComparer.Ordinal).ToArray() : [];
        app.MapGet("/feeds/{name}", (string name) =>
        {
            var path = files.FirstOrDefault(f => Path.GetFileName(f) == name);
            return path is null ? Results.NotFound() : Results.File(path, ContentTypeOf(path));
        });
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SampleFeedServer(app, files.Select(f => $"{address}/feeds/{Path.GetFileName(f)}").ToArray());
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    private static string ContentTypeOf(string path) => Path.GetExtension(path) switch
    {
        ".json" => "application/feed+json; charset=utf-8",
        ".atom" => "application/atom+xml; charset=utf-8",
        _ => "application/rss+xml; charset=utf-8",
    };
}
