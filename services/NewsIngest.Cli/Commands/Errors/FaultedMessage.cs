using System.Globalization;
using System.Text;
using System.Text.Json;
using NewsIngest.ServiceDefaults.Reliability;
using RabbitMQ.Client;

namespace NewsIngest.Cli.Commands.Errors;

/// <summary>
/// A message in an <c>_error</c> queue, read from what MassTransit wrote when it gave up on it: the reason and
/// exception type (<c>MT-Fault-*</c> headers), when, and the queue it came from.
/// </summary>
public sealed record FaultedMessage(
    ulong DeliveryTag,
    string? MessageId,
    string? ArticleId,
    string? MessageType,
    string Reason,
    string? ExceptionType,
    DateTimeOffset? FaultedAt,
    string? SourceQueue,
    IReadOnlyBasicProperties Properties,
    ReadOnlyMemory<byte> Body)
{
    public const string FaultHeaderPrefix = "MT-Fault-";
    public const string ReasonHeader = "MT-Reason";

    public static FaultedMessage From(BasicGetResult delivery)
    {
        var headers = delivery.BasicProperties.Headers ?? new Dictionary<string, object?>();
        var (envelopeId, articleId, messageType) = ReadBody(delivery.Body);
        var inputAddress = Header(headers, FaultHeaderPrefix + "InputAddress");
        return new FaultedMessage(
            delivery.DeliveryTag,
            delivery.BasicProperties.MessageId ?? envelopeId,
            articleId,
            messageType ?? Header(headers, FaultHeaderPrefix + "MessageType"),
            FaultReason.OneLine(Header(headers, FaultHeaderPrefix + "Message") ?? Header(headers, ReasonHeader) ?? "(no reason recorded)"),
            Header(headers, FaultHeaderPrefix + "ExceptionType"),
            DateTimeOffset.TryParse(Header(headers, FaultHeaderPrefix + "Timestamp"), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null,
            inputAddress is null ? null : EndpointNames.Of(new Uri(inputAddress)),
            delivery.BasicProperties,
            delivery.Body);
    }

    /// <summary>Matches an id given on the command line: the message id or the article id.</summary>
    public bool HasId(string id) =>
        string.Equals(MessageId, id, StringComparison.OrdinalIgnoreCase) || string.Equals(ArticleId, id, StringComparison.OrdinalIgnoreCase);

    /// <summary>The properties to send it back with: the same message id and body, without the fault headers.</summary>
    public BasicProperties ReplayProperties()
    {
        var properties = new BasicProperties(Properties)
        {
            Headers = (Properties.Headers ?? new Dictionary<string, object?>())
                .Where(h => !h.Key.StartsWith(FaultHeaderPrefix, StringComparison.Ordinal) && h.Key != ReasonHeader)
                .ToDictionary(h => h.Key, h => h.Value),
        };
        return properties;
    }

    private static string? Header(IDictionary<string, object?> headers, string name) =>
        headers.TryGetValue(name, out var value) ? value switch
        {
            null => null,
            byte[] bytes => Encoding.UTF8.GetString(bytes),
            AmqpTimestamp time => DateTimeOffset.FromUnixTimeSeconds(time.UnixTime).ToString("O", CultureInfo.InvariantCulture),
            _ => Convert.ToString(value, CultureInfo.InvariantCulture),
        } : null;

    /// <summary>Ids from a MassTransit envelope (<c>messageId</c>, <c>message.articleId</c>) or a raw JSON body (<c>articleId</c>).</summary>
    private static (string? MessageId, string? ArticleId, string? MessageType) ReadBody(ReadOnlyMemory<byte> body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null, null);
            }

            var message = root.TryGetProperty("message", out var inner) && inner.ValueKind == JsonValueKind.Object ? inner : root;
            return (
                root.TryGetProperty("messageId", out var id) ? id.ToString() : null,
                message.TryGetProperty("articleId", out var article) ? article.ToString() : null,
                root.TryGetProperty("messageType", out var types) && types.ValueKind == JsonValueKind.Array && types.GetArrayLength() > 0 ? types[0].GetString() : null);
        }
        catch (JsonException)
        {
            return (null, null, null);
        }
    }
}
