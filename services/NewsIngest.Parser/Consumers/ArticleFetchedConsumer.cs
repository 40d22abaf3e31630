using MassTransit;
using NewsIngest.Contracts;
using NewsIngest.Parser.Parsing;
using NewsIngest.Parser.Telemetry;
using NewsIngest.ServiceDefaults.ClaimChecks;

namespace NewsIngest.Parser.Consumers;

/// <summary>
/// Reads the claim-checked body, parses it and publishes the clean article or the rejection; then releases the
/// bodies, which no later stage needs. A redelivered message whose bodies were released was handled before and is
/// dropped; an address the system never writes is refused unread and the article rejected.
/// </summary>
public sealed class ArticleFetchedConsumer(
    ArticleParsing parsing,
    IClaimCheckRepository bodies,
    TimeProvider clock,
    ILogger<ArticleFetchedConsumer> logger) : IConsumer<ArticleFetched>
{
    public async Task Consume(ConsumeContext<ArticleFetched> context)
    {
        var fetched = context.Message;
        byte[] body;
        byte[]? feedEntry;
        try
        {
            body = await ReadAsync(fetched.BodyAddress, context.CancellationToken);
            feedEntry = fetched.FeedEntryAddress is { } entry ? await ReadAsync(entry, context.CancellationToken) : null;
        }
        catch (ClaimCheckReleasedException)
        {
            logger.LogInformation("Article {ArticleId} from {Origin} was parsed before (its body is released); the redelivered message is dropped", fetched.ArticleId, fetched.Origin);
            return;
        }
        catch (ClaimCheckRefusedException ex)
        {
            await RejectAsync(context, ex.Message);
            return;
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
            FeedEntry = feedEntry,
        });
        ParserMetrics.Record(fetched.Kind, outcome, System.Diagnostics.Stopwatch.GetElapsedTime(started));

        if (outcome.Article is null)
        {
            await RejectAsync(context, outcome.Rejection!);
        }
        else
        {
            await context.Publish(new ArticleParsed
            {
                ArticleId = fetched.ArticleId,
                CorrelationId = fetched.CorrelationId,
                ParsedAt = clock.GetUtcNow(),
                Article = outcome.Article,
            });
            if (outcome.Truncation is { } truncation)
            {
                logger.LogWarning("Article {ArticleId}: page {Url} was read in part: {Reason}", fetched.ArticleId, fetched.Url, truncation);
            }

            if (outcome.FellBackFrom is { } pageRejection)
            {
                logger.LogInformation("Article {ArticleId}: page {Url} gave no article ({Reason}); parsed the feed entry instead", fetched.ArticleId, fetched.Url, pageRejection);
            }

            logger.LogInformation("Parsed article {ArticleId} {Title}: {ParagraphCount} paragraphs", fetched.ArticleId, outcome.Article.Title, outcome.Article.Paragraphs.Count);
        }

        await ReleaseAsync(fetched);
    }

    private async Task RejectAsync(ConsumeContext<ArticleFetched> context, string reason)
    {
        var fetched = context.Message;
        logger.LogWarning("Rejected article {ArticleId} from {Origin}: {Reason}", fetched.ArticleId, fetched.Origin, reason);
        await context.Publish(new ArticleRejected
        {
            ArticleId = fetched.ArticleId,
            CorrelationId = fetched.CorrelationId,
            RejectedAt = clock.GetUtcNow(),
            Stage = "parser",
            Reason = reason,
            Origin = fetched.Origin,
        });
    }

    private async Task<byte[]> ReadAsync(Uri address, CancellationToken cancellationToken)
    {
        await using var stream = await bodies.Get(address, cancellationToken);
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }

    /// <summary>Only once this message's own output is out (published and confirmed): a failure before leaves the bodies for the retry.</summary>
    private async Task ReleaseAsync(ArticleFetched fetched)
    {
        try
        {
            await bodies.ReleaseAsync(fetched.BodyAddress, CancellationToken.None);
            if (fetched.FeedEntryAddress is { } entry)
            {
                await bodies.ReleaseAsync(entry, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing lost: the sweeper deletes the bodies when they expire.
            logger.LogWarning("Could not release the bodies of article {ArticleId} ({Reason}); they expire instead", fetched.ArticleId, ex.Message);
        }
    }
}
