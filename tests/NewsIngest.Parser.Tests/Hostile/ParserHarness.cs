using System.Text;
using MassTransit;
using MassTransit.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using NewsIngest.Contracts;
using NewsIngest.Parser.Consumers;
using NewsIngest.Parser.Parsing;
using NewsIngest.ServiceDefaults.ClaimChecks;
using NewsIngest.Testing;

namespace NewsIngest.Parser.Tests.Hostile;

/// <summary>The parser's real consumer and parsing behind MassTransit's test harness, with captured logs.</summary>
internal sealed class ParserHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ParserHarness(ServiceProvider provider) => _provider = provider;

    public ITestHarness Bus => _provider.GetRequiredService<ITestHarness>();

    public FakeLogCollector Logs => _provider.GetFakeLogCollector();

    public static async Task<ParserHarness> StartAsync()
    {
        var provider = new ServiceCollection()
            .AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFakeLogging())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IClaimCheckRepository>(new MemoryClaimChecks(TimeProvider.System))
            .AddSingleton<ArticleParsing>()
            .AddMassTransitTestHarness(bus =>
            {
                bus.DisableUsageTelemetry();
                bus.AddConsumer<ArticleFetchedConsumer>();
            })
            .BuildServiceProvider(true);
        var harness = new ParserHarness(provider);
        await harness.Bus.Start();
        return harness;
    }

    /// <summary>Publishes an <see cref="ArticleFetched"/> whose claim-checked body is <paramref name="body"/>; returns its id.</summary>
    public async Task<Guid> FetchedAsync(ArticleSourceKind kind, string body, string? title = null, string? url = null, string? charset = null)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(body));
        var address = await _provider.GetRequiredService<IClaimCheckRepository>().Put(stream);
        var id = Guid.NewGuid();
        await Bus.Bus.Publish(new ArticleFetched
        {
            ArticleId = id,
            CorrelationId = Guid.NewGuid(),
            FetchedAt = DateTimeOffset.UtcNow,
            Kind = kind,
            BodyAddress = address,
            BodyLength = stream.Length,
            Origin = url ?? "https://news.example.org/feed.xml",
            FeedTitle = "Harbour Notes",
            Url = url,
            Title = title,
            Charset = charset,
        });
        return id;
    }

    public async Task<ParsedArticle> ParsedAsync(Guid articleId)
    {
        (await Bus.Published.Any<ArticleParsed>(message => message.Context.Message.ArticleId == articleId)).ShouldBeTrue("no ArticleParsed was published");
        return (await Bus.Published.SelectAsync<ArticleParsed>(message => message.Context.Message.ArticleId == articleId).First()).Context.Message.Article;
    }

    /// <summary>The message of the first log line that starts with <paramref name="prefix"/> (the consumer logs after it publishes).</summary>
    public async Task<string> LogLineAsync(string prefix)
    {
        await Eventually.UntilAsync(
            () => Task.FromResult(Logs.GetSnapshot().Any(log => log.Message.StartsWith(prefix, StringComparison.Ordinal))),
            TimeSpan.FromSeconds(30),
            $"a log line starting with '{prefix}'");
        return Logs.GetSnapshot().First(log => log.Message.StartsWith(prefix, StringComparison.Ordinal)).Message;
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();
}
