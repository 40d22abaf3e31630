using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsIngest.Testing;

/// <summary>
/// An OTLP/HTTP (protobuf) receiver on 127.0.0.1 for services under test: point them at it with
/// <see cref="ExporterEnvironment"/>; it keeps every span it receives (<c>/v1/traces</c>) and accepts and drops
/// metrics and logs. Decodes the OTLP trace protobuf itself: resource spans → scope spans → spans.
/// </summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly LoopbackHttpServer _server;
    private readonly ConcurrentQueue<OtlpSpan> _spans = new();

    private OtlpReceiver(LoopbackHttpServer server)
    {
        _server = server;
    }

    public Uri Endpoint => _server.BaseAddress;

    public IReadOnlyList<OtlpSpan> Spans => [.. _spans];

    /// <summary>Metrics export requests received (their content is not kept).</summary>
    public int MetricRequests => _server.RequestCount("/v1/metrics");

    /// <summary>The standard variables that send a service's traces (and metrics) here over OTLP/HTTP, exported within half a second.</summary>
    public IReadOnlyDictionary<string, string?> ExporterEnvironment => new Dictionary<string, string?>
    {
        ["OTEL_EXPORTER_OTLP_ENDPOINT"] = Endpoint.ToString().TrimEnd('/'),
        ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
        ["OTEL_BSP_SCHEDULE_DELAY"] = "500",
        ["OTEL_METRIC_EXPORT_INTERVAL"] = "5000",
    };

    public static async Task<OtlpReceiver> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = await LoopbackHttpServer.StartAsync(cancellationToken);
        var receiver = new OtlpReceiver(server);
        server.Map("/v1/traces", receiver.ReceiveTracesAsync);
        server.Map("/v1/metrics", Accept);
        server.Map("/v1/logs", Accept);
        return receiver;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>Decodes an <c>ExportTraceServiceRequest</c>.</summary>
    public static List<OtlpSpan> Decode(ReadOnlySpan<byte> request)
    {
        var spans = new List<OtlpSpan>();
        var reader = new ProtobufReader(request);
        while (!reader.End)
        {
            if (reader.ReadTag(out var wire) == 1 && wire == 2)
            {
                DecodeResourceSpans(reader.ReadBytes(), spans);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return spans;
    }

    private static async Task Accept(HttpContext context)
    {
        await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private async Task ReceiveTracesAsync(HttpContext context)
    {
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        foreach (var span in Decode(body.ToArray()))
        {
            _spans.Enqueue(span);
        }

        context.Response.ContentType = "application/x-protobuf";
        context.Response.StatusCode = StatusCodes.Status200OK;
    }

    private static void DecodeResourceSpans(ReadOnlySpan<byte> message, List<OtlpSpan> spans)
    {
        var service = "unknown";
        var scopes = new List<byte[]>();
        var reader = new ProtobufReader(message);
        while (!reader.End)
        {
            var field = reader.ReadTag(out var wire);
            if (field == 1 && wire == 2)
            {
                service = Attributes(reader.ReadBytes(), attributeField: 1).GetValueOrDefault("service.name", service);
            }
            else if (field == 2 && wire == 2)
            {
                scopes.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        foreach (var scope in scopes)
        {
            DecodeScopeSpans(scope, service, spans);
        }
    }

    private static void DecodeScopeSpans(ReadOnlySpan<byte> message, string service, List<OtlpSpan> spans)
    {
        var scopeName = string.Empty;
        var reader = new ProtobufReader(message);
        var pending = new List<byte[]>();
        while (!reader.End)
        {
            var field = reader.ReadTag(out var wire);
            if (field == 1 && wire == 2)
            {
                scopeName = FirstString(reader.ReadBytes(), 1) ?? string.Empty;
            }
            else if (field == 2 && wire == 2)
            {
                pending.Add(reader.ReadBytes().ToArray());
            }
            else
            {
                reader.Skip(wire);
            }
        }

        foreach (var span in pending)
        {
            spans.Add(DecodeSpan(span, service, scopeName));
        }
    }

    private static OtlpSpan DecodeSpan(ReadOnlySpan<byte> message, string service, string scope)
    {
        string traceId = string.Empty, spanId = string.Empty, name = string.Empty;
        string? parent = null;
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (!reader.End)
        {
            var field = reader.ReadTag(out var wire);
            switch (field)
            {
                case 1 when wire == 2:
                    traceId = Convert.ToHexStringLower(reader.ReadBytes());
                    break;
                case 2 when wire == 2:
                    spanId = Convert.ToHexStringLower(reader.ReadBytes());
                    break;
                case 4 when wire == 2:
                    var bytes = reader.ReadBytes();
                    parent = bytes.IsEmpty ? null : Convert.ToHexStringLower(bytes);
                    break;
                case 5 when wire == 2:
                    name = Encoding.UTF8.GetString(reader.ReadBytes());
                    break;
                case 9 when wire == 2:
                    if (KeyValue(reader.ReadBytes()) is { } pair)
                    {
                        attributes[pair.Key] = pair.Value;
                    }

                    break;
                default:
                    reader.Skip(wire);
                    break;
            }
        }

        return new OtlpSpan(service, traceId, spanId, parent, name, scope, attributes);
    }

    /// <summary>The string attributes (<c>KeyValue</c> messages in field <paramref name="attributeField"/>) of a message.</summary>
    private static Dictionary<string, string> Attributes(ReadOnlySpan<byte> message, int attributeField)
    {
        var attributes = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new ProtobufReader(message);
        while (!reader.End)
        {
            var field = reader.ReadTag(out var wire);
            if (field == attributeField && wire == 2 && KeyValue(reader.ReadBytes()) is { } pair)
            {
                attributes[pair.Key] = pair.Value;
            }
            else if (field != attributeField || wire != 2)
            {
                reader.Skip(wire);
            }
        }

        return attributes;
    }

    /// <summary>A <c>KeyValue</c> whose value is a string (<c>AnyValue.string_value</c>), else null.</summary>
    private static KeyValuePair<string, string>? KeyValue(ReadOnlySpan<byte> message)
    {
        string? key = null, value = null;
        var reader = new ProtobufReader(message);
        while (!reader.End)
        {
            var field = reader.ReadTag(out var wire);
            if (field == 1 && wire == 2)
            {
                key = Encoding.UTF8.GetString(reader.ReadBytes());
            }
            else if (field == 2 && wire == 2)
            {
                value = FirstString(reader.ReadBytes(), 1);
            }
            else
            {
                reader.Skip(wire);
            }
        }

        return key is not null && value is not null ? new KeyValuePair<string, string>(key, value) : null;
    }

    private static string? FirstString(ReadOnlySpan<byte> message, int number)
    {
        var reader = new ProtobufReader(message);
        while (!reader.End)
        {
            var field = reader.ReadTag(out var wire);
            if (field == number && wire == 2)
            {
                return Encoding.UTF8.GetString(reader.ReadBytes());
            }

            reader.Skip(wire);
        }

        return null;
    }
}
