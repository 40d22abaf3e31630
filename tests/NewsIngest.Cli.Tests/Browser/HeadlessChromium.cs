using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace NewsIngest.Cli.Tests.Browser;

/// <summary>
/// Debian's headless Chromium, started as a process on a scratch profile and driven over the DevTools protocol
/// (one page, <c>Page.navigate</c>, <c>Runtime.evaluate</c>, <c>Page.captureScreenshot</c>) on 127.0.0.1.
/// </summary>
public sealed class HeadlessChromium : IAsyncDisposable
{
    public const string Executable = "chromium";

    private readonly ServiceProcess _process;
    private readonly ClientWebSocket _socket;
    private readonly string _profile;
    private int _nextId;

    private HeadlessChromium(ServiceProcess process, ClientWebSocket socket, string profile)
    {
        _process = process;
        _socket = socket;
        _profile = profile;
    }

    public static async Task<HeadlessChromium> StartAsync(TimeSpan timeout)
    {
        var profile = TestDirectory.Create("chromium-profile");
        var process = ServiceProcess.Start(
            Executable,
            ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--window-size=1280,900",
             "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", $"--user-data-dir={profile}", "about:blank"]);
        try
        {
            var line = await process.WaitForOutputAsync(l => l.Contains("DevTools listening on ws://", StringComparison.Ordinal), timeout);
            var browserUrl = new Uri(line[line.IndexOf("ws://", StringComparison.Ordinal)..].Trim());
            using var http = new HttpClient { BaseAddress = new Uri($"http://{browserUrl.Authority}/") };
            var targets = await http.GetFromJsonAsync<JsonArray>("json/list") ?? [];
            var page = targets.First(t => (string?)t!["type"] == "page")!;
            var socket = new ClientWebSocket();
            await socket.ConnectAsync(new Uri((string)page["webSocketDebuggerUrl"]!), CancellationToken.None);
            return new HeadlessChromium(process, socket, profile);
        }
        catch
        {
            await process.DisposeAsync();
            throw;
        }
    }

    public Task NavigateAsync(Uri url) => SendAsync("Page.navigate", new JsonObject { ["url"] = url.AbsoluteUri });

    /// <summary>Evaluates a JavaScript expression in the page and returns its value (JSON-serialisable).</summary>
    public async Task<JsonNode?> EvaluateAsync(string expression)
    {
        var result = await SendAsync("Runtime.evaluate", new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true });
        if (result["exceptionDetails"] is { } exception)
        {
            throw new InvalidOperationException($"The page threw: {exception.ToJsonString()}");
        }

        return result["result"]?["value"];
    }

    public async Task<byte[]> ScreenshotAsync()
    {
        var result = await SendAsync("Page.captureScreenshot", new JsonObject { ["format"] = "png" });
        return Convert.FromBase64String((string)result["data"]!);
    }

    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _process.DisposeAsync();
        await TestDirectory.DeleteAsync(_profile);
    }

    private async Task<JsonNode> SendAsync(string method, JsonObject parameters)
    {
        var id = Interlocked.Increment(ref _nextId);
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters };
        await _socket.SendAsync(Encoding.UTF8.GetBytes(message.ToJsonString()), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (true)
        {
            var reply = await ReceiveAsync(deadline.Token);
            if ((int?)reply["id"] != id)
            {
                continue; // an event, or the answer to another call
            }

            return reply["error"] is { } error
                ? throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}")
                : reply["result"] ?? new JsonObject();
        }
    }

    private async Task<JsonNode> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        WebSocketReceiveResult received;
        do
        {
            received = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("Chromium closed the DevTools connection.");
            }

            message.Write(buffer, 0, received.Count);
        }
        while (!received.EndOfMessage);

        return JsonNode.Parse(message.ToArray()) ?? new JsonObject();
    }
}
