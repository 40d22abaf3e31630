using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;
using NewsIngest.Parser.Telemetry;

namespace NewsIngest.Parser.Consumers;

/// <summary>Reads the claim-checked body, parses it and publishes the clean article or the rejection.</summary>
public sealed class ArticleFetchedConsumer(
    ArticleParsing parsing,
    IMessageDataRepository bodies,
    TimeProvider clock,
    ILogger<ArticleFetchedConsumer> logger) : IConsumer<ArticleFetched>
{
    public async Task Consume(ConsumeContext<ArticleFetched> context)
    {
        var fetched = context.Message;
        byte[] body;
        await using (var stream = await bodies.Get(fetched.BodyAddress, context.CancellationToken))
        using (var buffer = new MemoryStream())
        {
            await stream.CopyToAsync(buffer, context.CancellationToken);
            body = buffer.ToArray();
        }

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var outcome = parsing.Parse(new ParseRequest
        {
            Kind = fetched.Kind,
            Body = body,
            Charset = fetched.Charset,
            Url = fetched.Url,
            FeedUrl = fetched.FeedUrl,
            FeedTitle = fetched.FeedTitle,
            Title = fetched.Title,
            Author = fetched.Author,
            Published = fetched.Published,
        });
        ParserMetrics.Record(fetched.Kind, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));

        if (outcome.Article is null)
        {
            logger.LogWarning("Rejected article {ArticleId} from {Origin}: {Reason}", fetched.ArticleId, fetched.Origin, outcome.Rejection);
            await context.Publish(new ArticleRejected
            {
                ArticleId = fetched.ArticleId,
                CorrelationId = fetched.CorrelationId,
                RejectedAt = clock.GetUtcNow(),
                Stage = "parser",
                Reason = outcome.Rejection!,
                Origin = fetched.Origin,
            });
            return;
        }

        await context.Publish(new ArticleParsed
        {
            ArticleId = fetched.ArticleId,
            CorrelationId = fetched.CorrelationId,
            ParsedAt = clock.GetUtcNow(),
            Article = outcome.Article,
        });
        logger.LogInformation("Parsed article {ArticleId} {Title}: {ParagraphCount} paragraphs", fetched.ArticleId, outcome.Article.Title, outcome.Article.Paragraphs.Count);
    }
}
