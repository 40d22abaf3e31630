using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.IntegrationTests.Pipeline;
using RabbitMQ.Client;

namespace NewsIngest.IntegrationTests.Store;

/// <summary>ArticleEnriched messages as the enricher sends them (MassTransit's JSON envelope), written with plain RabbitMQ.Client.</summary>
public static class EnrichedMessages
{
    public const string Exchange = "NewsIngest.Contracts:ArticleEnriched";
    private static readonly JsonSerializerOptions WebJson = new(JsonSerializerDefaults.Web);

    /// <summary>A distinct wire story (its own words), ready for the store.</summary>
    public static ArticleEnriched Create(string topic, string? title = null)
    {
        var (generatedTitle, text) = WireArticles.Create(topic);
        var paragraphs = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)[1..^1];
        return new ArticleEnriched
        {
            ArticleId = Guid.NewGuid(),
            CorrelationId = Guid.NewGuid(),
            EnrichedAt = DateTimeOffset.UtcNow,
            Article = new ParsedArticle { Title = title ?? generatedTitle, Paragraphs = paragraphs, Source = "Reliability Wire" },
            Enrichment = new ArticleEnrichment { Language = "en", LanguageConfidence = 0.99, WordCount = 90, ReadingTimeMinutes = 1 },
        };
    }

    public static byte[] Envelope(ArticleEnriched message) => JsonSerializer.SerializeToUtf8Bytes(
        new { messageId = Guid.NewGuid(), correlationId = message.CorrelationId, messageType = new[] { "urn:message:NewsIngest.Contracts:ArticleEnriched" }, message },
        WebJson);

    /// <summary>Publishes to the message type's exchange (every queue consuming it gets a copy), persistent, with publisher confirms.</summary>
    public static async Task PublishAsync(IChannel channel, ArticleEnriched message) =>
        await channel.BasicPublishAsync(Exchange, string.Empty, mandatory: false, Properties(), Envelope(message));

    public static BasicProperties Properties() => new() { ContentType = "application/vnd.masstransit+json", Persistent = true };

    /// <summary>A channel whose publishes complete only when the broker has confirmed them.</summary>
    public static Task<IChannel> ConfirmingChannelAsync(IConnection connection) =>
        connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
}
