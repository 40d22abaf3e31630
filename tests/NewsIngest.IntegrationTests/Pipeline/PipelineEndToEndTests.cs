using System.Text.Json;
using NewsIngest.Testing;
using Npgsql;
using RabbitMQ.Client;

namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>
/// The four services as four OS processes over a real RabbitMQ node and a real PostgreSQL server, fed by
/// a loopback HTTP feed and an inbox folder, observed by a plain RabbitMQ.Client subscriber.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PipelineEndToEndTests(PipelineFixture pipeline)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task Pipeline_FeedAndInboxArticles_EachArriveOnceEnrichedOnTheTopic()
    {
        var first = WireArticles.Create("harbour");
        var second = WireArticles.Create("library");
        pipeline.DropIntoInbox("first.txt", first.Text);
        pipeline.DropIntoInbox("second.txt", second.Text);
        string[] titles = [first.Title, second.Title, "River Cleanup Draws Hundreds of Volunteers", "New Bus Line Links the Hospital and the Station"];

        await Eventually.UntilAsync(() => titles.All(t => RecordsTitled(t).Count >= 1), Deadline, "every feed and inbox article reaches the topic");

        foreach (var title in titles)
        {
            var record = RecordsTitled(title).ShouldHaveSingleItem();
            record.ContentType.ShouldBe("application/json");
            record.MessageId.ShouldBe(record.ArticleId);
            record.RoutingKey.ShouldBe($"article.stored.en.{record.Body.GetProperty("category").GetString()}");
            record.Body.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
            var enrichment = record.Body.GetProperty("enrichment");
            enrichment.GetProperty("language").GetString().ShouldBe("en");
            enrichment.GetProperty("wordCount").GetInt32().ShouldBeGreaterThan(20);
            enrichment.GetProperty("readingTimeMinutes").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
            enrichment.GetProperty("keywords").GetArrayLength().ShouldBeGreaterThan(0);
        }

        RecordsTitled(first.Title)[0].Body.GetProperty("article").GetProperty("source").GetString().ShouldBe("Integration Test Wire");
        var river = RecordsTitled("River Cleanup Draws Hundreds of Volunteers")[0].Body.GetProperty("article");
        river.GetProperty("source").GetString().ShouldBe("Loopback Test Gazette");
        river.GetProperty("paragraphs").EnumerateArray().ShouldContain(p => p.GetString()!.StartsWith("Full page only", StringComparison.Ordinal), "the short feed entry's page was fetched and extracted");
        (await CountStoredAsync(titles)).ShouldBe(titles.Length);
    }

    [Fact]
    public async Task Pipeline_SameArticleDroppedAgain_IsNotStoredOrPublishedTwice()
    {
        var article = WireArticles.Create("ferry terminal");
        pipeline.DropIntoInbox("original.txt", article.Text);
        await Eventually.UntilAsync(() => RecordsTitled(article.Title).Count == 1, Deadline, "the original is published");
        var articleId = RecordsTitled(article.Title)[0].ArticleId;
        await using var updates = await TopicSubscriber.StartAsync(pipeline.Broker.CreateConnectionFactory(), "article.updated.#");

        pipeline.DropIntoInbox("again.txt", article.Text);
        pipeline.DropIntoInbox("respaced.txt", article.Text.Replace(" the ", "  the ", StringComparison.Ordinal).Replace("\n", "\r\n", StringComparison.Ordinal));

        await Eventually.UntilAsync(
            () => StoreDecisions().Count(e => e.Message.Contains("redelivery ignored", StringComparison.Ordinal) && e.ArticleId == articleId) == 1
                && StoreDecisions().Count(e => e.Message.Contains("another sighting of story", StringComparison.Ordinal) && e.Raw.Contains(articleId, StringComparison.Ordinal)) == 1,
            Deadline,
            "the store decides on both copies");
        RecordsTitled(article.Title).ShouldHaveSingleItem();
        (await CountStoredAsync([article.Title])).ShouldBe(1);
        await Eventually.UntilAsync(() => updates.Records.Any(r => r.Body.GetProperty("storyId").GetString() == articleId), Deadline, "the new sighting is published as article.updated");
        var update = updates.Records.Where(r => r.Body.GetProperty("storyId").GetString() == articleId).ShouldHaveSingleItem();
        update.RoutingKey.ShouldStartWith("article.updated.en.");
        update.Body.GetProperty("story").GetProperty("article").GetProperty("title").GetString().ShouldBe(article.Title);
    }

    [Fact]
    public async Task Pipeline_BadInput_EndsInWarningsAndTheErrorQueue_WhileGoodArticlesFlow()
    {
        var good = WireArticles.Create("market square");
        pipeline.DropIntoInbox("empty.txt", []);
        pipeline.DropIntoInbox("binary.txt", [0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A, 0x00, 0xFF]);
        var poisonArticleId = await PublishPoisonAsync();
        pipeline.DropIntoInbox("good.txt", good.Text);

        await Eventually.UntilAsync(() => RecordsTitled(good.Title).Count == 1, Deadline, "the good article is stored despite the bad input");
        await Eventually.UntilAsync(async () => await ErrorQueueDepthAsync("parser-article-fetched_error") >= 1, Deadline, "the poison message reaches the error queue");
        await Eventually.UntilAsync(
            () => Warnings("NewsIngest.Fetcher").Any(l => l.Contains("empty.txt", StringComparison.Ordinal))
                && Warnings("NewsIngest.Fetcher").Any(l => l.Contains("binary.txt", StringComparison.Ordinal))
                && Warnings("NewsIngest.Fetcher").Any(l => l.Contains(PipelineFixture.MalformedFeedPath, StringComparison.Ordinal)),
            Deadline,
            "the fetcher warns once about each bad input");
        Warnings("NewsIngest.Fetcher").Count(l => l.Contains("empty.txt", StringComparison.Ordinal)).ShouldBe(1);
        await Eventually.UntilAsync(
            () => pipeline.LogsOf("NewsIngest.Parser").Any(l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) && l.Contains(poisonArticleId.ToString(), StringComparison.Ordinal)),
            Deadline,
            "the parser logs the poison message's failure as one ERROR line with its ArticleId");
        pipeline.LogsOf("NewsIngest.Parser").Count(l => l.Contains("\"@l\":\"Error\"", StringComparison.Ordinal)).ShouldBe(1);
        File.Exists(Path.Combine(pipeline.Inbox, ".rejected", "binary.txt")).ShouldBeTrue();
        pipeline.Services.Values.ShouldAllBe(s => !s.HasExited);
    }

    [Fact]
    public async Task Pipeline_Logs_FollowOneArticleThroughAllFourServices()
    {
        var article = WireArticles.Create("swimming pool");
        pipeline.DropIntoInbox("traced.txt", article.Text);
        await Eventually.UntilAsync(() => RecordsTitled(article.Title).Count == 1, Deadline, "the article is published");
        var articleId = RecordsTitled(article.Title)[0].ArticleId;

        await Eventually.UntilAsync(
            () => pipeline.Services.Values.All(s => Events(s).Any(e => e.ArticleId == articleId)),
            Deadline,
            $"each of the four services logs article {articleId}");
        foreach (var (name, service) in pipeline.Services)
        {
            var events = Events(service);
            events.ShouldAllBe(e => e.Service != null, $"{name}: every event carries Service");
            service.Lines.ShouldAllBe(l => l.StartsWith('{'), $"{name}: every line is a JSON log event");
        }
    }

    private static List<LogEvent> Events(ServiceProcess service) =>
        service.Lines.Where(l => l.StartsWith('{')).Select(LogEvent.Parse).ToList();

    [Fact]
    public async Task Services_HealthEndpoints_AnswerLiveAndReady()
    {
        using var client = new HttpClient();
        foreach (var service in pipeline.Services.Keys)
        {
            (await client.GetAsync(new Uri(pipeline.AddressOf(service), "/health/live"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, service);
            (await client.GetAsync(new Uri(pipeline.AddressOf(service), "/health/ready"))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK, service);
        }
    }

    [Fact]
    public async Task CliTail_BoundToTheTopic_PrintsEachNewRecordAsJson()
    {
        var article = WireArticles.Create("tram depot");
        await using var tail = ServiceProcess.StartDll(
            RepositoryPaths.ServiceDll("NewsIngest.Cli", "newsingest"),
            arguments: ["tail", "--amqp", pipeline.Broker.AmqpUri.ToString(), "--topic", "article.stored.en.#", "--json"]);
        await tail.WaitForOutputAsync(l => l.Contains("Listening on news.articles", StringComparison.Ordinal), Deadline);

        pipeline.DropIntoInbox("tailed.txt", article.Text);

        var line = await tail.WaitForOutputAsync(l => l.StartsWith('{') && l.Contains(article.Title, StringComparison.Ordinal), Deadline);
        using var record = JsonDocument.Parse(line);
        record.RootElement.GetProperty("article").GetProperty("title").GetString().ShouldBe(article.Title);
        record.RootElement.GetProperty("enrichment").GetProperty("language").GetString().ShouldBe("en");
    }

    [Fact]
    public async Task CliTailFromStart_LateConsumer_ReplaysRecordsStoredBeforeItStarted()
    {
        var article = WireArticles.Create("old harbour");
        pipeline.DropIntoInbox("before-replay.txt", article.Text);
        await Eventually.UntilAsync(() => RecordsTitled(article.Title).Count == 1, Deadline, "the article is published before the late consumer starts");

        await using var tail = ServiceProcess.StartDll(
            RepositoryPaths.ServiceDll("NewsIngest.Cli", "newsingest"),
            arguments: ["tail", "--amqp", pipeline.Broker.AmqpUri.ToString(), "--topic", "article.stored.#", "--json", "--from-start"]);

        var line = await tail.WaitForOutputAsync(l => l.StartsWith('{') && l.Contains(article.Title, StringComparison.Ordinal), Deadline);
        using var record = JsonDocument.Parse(line);
        record.RootElement.GetProperty("articleId").GetString().ShouldBe(RecordsTitled(article.Title)[0].ArticleId);
    }

    [Fact]
    public async Task AmqpConsume_FromDebianAmqpTools_ReceivesAndParsesARecordByRoutingPattern()
    {
        const string Pattern = "article.stored.en.*";
        var article = WireArticles.Create("cycle lane");
        var received = Directory.CreateDirectory(Path.Combine(pipeline.WorkDirectory, "amqp-consume")).FullName;
        await using var consumer = ServiceProcess.Start(
            "amqp-consume",
            [$"--server={pipeline.Broker.Host}", $"--port={pipeline.Broker.Port}", $"--username={pipeline.Broker.UserName}", $"--password={pipeline.Broker.Password}",
             "--exchange=news.articles", $"--routing-key={Pattern}", "--exclusive", "--", "sh", "-c", "cat > \"$(mktemp -p \"$RECEIVED\" record.XXXXXX)\""],
            environment: new Dictionary<string, string?> { ["RECEIVED"] = received });
        await Eventually.UntilAsync(
            async () => (await pipeline.Broker.ControlAsync(["list_bindings", "source_name", "routing_key"])).Contains(Pattern, StringComparison.Ordinal),
            Deadline,
            "amqp-consume has bound its queue");

        pipeline.DropIntoInbox("amqp-consume.txt", article.Text);

        JsonElement? record = null;
        await Eventually.UntilAsync(
            () =>
            {
                record = Directory.GetFiles(received).Select(f => (JsonElement?)JsonDocument.Parse(File.ReadAllBytes(f)).RootElement.Clone())
                    .FirstOrDefault(r => r!.Value.GetProperty("article").GetProperty("title").GetString() == article.Title);
                return record is not null;
            },
            Deadline,
            "amqp-consume receives the record");
        record!.Value.GetProperty("schemaVersion").GetInt32().ShouldBe(1);
        record.Value.GetProperty("enrichment").GetProperty("language").GetString().ShouldBe("en");
    }

    private List<ReceivedRecord> RecordsTitled(string title) =>
        pipeline.Subscriber.Records.Where(r => r.Title == title).ToList();

    private List<LogEvent> StoreDecisions() =>
        pipeline.LogsOf("NewsIngest.Store").Where(l => l.StartsWith('{')).Select(LogEvent.Parse).ToList();

    private List<string> Warnings(string service) =>
        pipeline.LogsOf(service).Where(l => l.Contains("\"@l\":\"Warning\"", StringComparison.Ordinal)).ToList();

    private async Task<long> CountStoredAsync(string[] titles)
    {
        await using var connection = new NpgsqlConnection(pipeline.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM articles WHERE title = ANY(@titles)", connection);
        command.Parameters.AddWithValue("titles", titles);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<uint> ErrorQueueDepthAsync(string queue)
    {
        await using var connection = await pipeline.Broker.CreateConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    /// <summary>An <c>ArticleFetched</c> whose claim check points nowhere: the parser's consumer throws on it.</summary>
    private async Task<Guid> PublishPoisonAsync()
    {
        var articleId = Guid.NewGuid();
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new
        {
            messageId = Guid.NewGuid(),
            messageType = new[] { "urn:message:NewsIngest.Contracts:ArticleFetched" },
            message = new
            {
                articleId,
                correlationId = Guid.NewGuid(),
                fetchedAt = DateTimeOffset.UtcNow,
                kind = 0,
                bodyAddress = "urn:file:2026:01:01:" + new string('0', 32), // well-formed, never written: "not found" on every retry
                bodyLength = 10,
                origin = "test:poison",
            },
        });
        await using var connection = await pipeline.Broker.CreateConnectionFactory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var properties = new BasicProperties { ContentType = "application/vnd.masstransit+json", MessageId = Guid.NewGuid().ToString() };
        await channel.BasicPublishAsync("parser-article-fetched", string.Empty, mandatory: false, properties, envelope);
        return articleId;
    }

    private sealed record LogEvent(string Raw, string Message, string? Service, string? ArticleId)
    {
        public static LogEvent Parse(string line)
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            return new LogEvent(
                line,
                root.TryGetProperty("@mt", out var template) ? template.GetString()! : string.Empty,
                root.TryGetProperty(nameof(Service), out var service) ? service.GetString() : null,
                root.TryGetProperty(nameof(ArticleId), out var id) ? id.GetString() : null);
        }
    }
}
