using System.Text;
using System.Text.Json;
using NewsIngest.IntegrationTests.Observability;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.IntegrationTests.Pipeline;

/// <summary>
/// What an operator sees of the running four-process topology: each service's <c>/metrics</c> counts what it did, one
/// article's spans (received by an in-process OTLP receiver) share one trace id across the four services, and
/// <c>newsingest status</c> reads queues, feeds and totals from the broker's management API and the services.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class PipelineTelemetryTests(PipelineFixture pipeline)
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(120);
    private static readonly string[] Services = ["NewsIngest.Fetcher", "NewsIngest.Parser", "NewsIngest.Enricher", "NewsIngest.Store"];

    [Fact]
    public async Task Metrics_ThreeInboxArticles_EachStageCountsExactlyThree()
    {
        // Arrange
        const int Count = 3;
        var before = await QuietScrapeAsync();
        var articles = Enumerable.Range(0, Count).Select(i => WireArticles.Create($"metered quay {i}")).ToList();
        var bytes = 0L;

        // Act
        for (var i = 0; i < Count; i++)
        {
            var content = Encoding.UTF8.GetBytes(articles[i].Text);
            bytes += content.Length;
            pipeline.DropIntoInbox($"metered-{i}.txt", content);
        }

        await Eventually.UntilAsync(() => articles.All(a => pipeline.Subscriber.Records.Any(r => r.Title == a.Title)), Deadline, "the three articles reach the topic");
        await Eventually.UntilAsync(
            async () => Delta(before, await ScrapeAllAsync(), "NewsIngest.Store", "newsingest_store_records_published_total", ("event", "stored")) >= Count,
            Deadline,
            "the store counts the three records it published");
        var after = await ScrapeAllAsync();

        // Assert
        Delta(before, after, "NewsIngest.Fetcher", "newsingest_fetcher_items_published_total", ("kind", "text")).ShouldBe(Count);
        Delta(before, after, "NewsIngest.Fetcher", "newsingest_claimcheck_written_bytes_total").ShouldBe(bytes);
        Delta(before, after, "NewsIngest.Parser", "newsingest_parser_articles_parsed_total", ("kind", "text")).ShouldBe(Count);
        Delta(before, after, "NewsIngest.Parser", "newsingest_parser_parse_duration_seconds_count", ("kind", "text")).ShouldBe(Count);
        Delta(before, after, "NewsIngest.Enricher", "newsingest_enricher_articles_enriched_total").ShouldBe(Count);
        Delta(before, after, "NewsIngest.Store", "newsingest_store_decisions_total", ("decision", "new_story")).ShouldBe(Count);
        Delta(before, after, "NewsIngest.Store", "newsingest_store_records_published_total", ("event", "stored")).ShouldBe(Count);
        Delta(before, after, "NewsIngest.Store", "newsingest_pipeline_latency_seconds_count", ("stage", "published")).ShouldBe(Count);
        after["NewsIngest.Enricher"].Names.ShouldContain("newsingest_enricher_step_duration_seconds_bucket");
        after["NewsIngest.Enricher"].Names.ShouldContain("newsingest_enricher_steps_failed_total", "counters exist at 0 from start-up");
        after["NewsIngest.Parser"].Names.ShouldContain("messaging_masstransit_consume_ea_total", "MassTransit's own meter is exported");
        after["NewsIngest.Store"].Sum("newsingest_store_outbox_pending").ShouldBeGreaterThanOrEqualTo(0);
    }

    [Fact]
    public async Task Traces_OneInboxArticle_OneTraceIdSpansAllFourServices()
    {
        // Arrange
        var article = WireArticles.Create("traced lighthouse");

        // Act
        pipeline.DropIntoInbox("traced-lighthouse.txt", article.Text);
        await Eventually.UntilAsync(() => pipeline.Subscriber.Records.Any(r => r.Title == article.Title), Deadline, "the article reaches the topic");
        var articleId = pipeline.Subscriber.Records.First(r => r.Title == article.Title).ArticleId;
        OtlpSpan? root = null;
        await Eventually.UntilAsync(
            () => (root = pipeline.Otlp.Spans.FirstOrDefault(s => s.Name == "fetch article" && s.Attributes.GetValueOrDefault("newsingest.article_id") == articleId)) is not null,
            Deadline,
            $"the fetcher exports the root span of article {articleId}");
        List<OtlpSpan> trace = [];
        await Eventually.UntilAsync(
            () =>
            {
                trace = [.. pipeline.Otlp.Spans.Where(s => s.TraceId == root!.TraceId)];
                return trace.Select(s => s.Service).Distinct().Count() == 4 && trace.Any(s => s.Name == "publish to topic");
            },
            Deadline,
            "spans of all four services, up to the topic publish, arrive in the article's trace");

        // Assert
        root!.Service.ShouldBe("fetcher");
        root.ParentSpanId.ShouldBeNull("each article starts a trace of its own");
        trace.Select(s => s.Service).Distinct().Order(StringComparer.Ordinal).ShouldBe(["enricher", "fetcher", "parser", "store"]);
        trace.ShouldContain(s => s.Service == "parser" && s.Scope == "MassTransit", "the parser's consume span comes from MassTransit's ActivitySource");
        trace.Single(s => s.Name == "publish to topic").Attributes["newsingest.article_id"].ShouldBe(articleId);
        var ids = trace.Select(s => s.SpanId).ToHashSet(StringComparer.Ordinal);
        trace.Where(s => s.ParentSpanId is not null).ShouldAllBe(s => ids.Contains(s.ParentSpanId!), "every span's parent is in the same trace");
    }

    [Fact]
    public async Task CliStatus_RunningTopology_JsonShowsQueuesFeedsAndStoredTotals()
    {
        // Arrange: both feeds polled at least once by the fetcher, the pipeline quiet.
        await QuietScrapeAsync();
        var stored = await CountArticlesAsync();

        // Act
        await using var status = ServiceProcess.StartDll(
            RepositoryPaths.ServiceDll("NewsIngest.Cli", "newsingest"),
            arguments:
            [
                "status", "--json",
                "--management", pipeline.Broker.ManagementUriWithCredentials!.ToString(),
                "--fetcher", pipeline.AddressOf("NewsIngest.Fetcher").ToString(),
                "--store", pipeline.AddressOf("NewsIngest.Store").ToString(),
            ]);
        var exitCode = await status.WaitForExitAsync(Deadline);
        var stdout = string.Join('\n', status.Output.Where(l => !l.IsError).Select(l => l.Text));

        // Assert
        exitCode.ShouldBe(0, status.Tail());
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        var queues = root.GetProperty("broker").GetProperty("queues").EnumerateArray().ToList();
        var parserQueue = queues.Single(q => q.GetProperty("name").GetString() == "parser-article-fetched");
        parserQueue.GetProperty("consumers").GetInt32().ShouldBeGreaterThanOrEqualTo(1);
        parserQueue.GetProperty("ready").GetInt64().ShouldBe(0);
        queues.ShouldContain(q => q.GetProperty("name").GetString() == "store-article-enriched");
        queues.ShouldContain(q => q.GetProperty("name").GetString() == "news.articles.replay" && q.GetProperty("type").GetString() == "stream");
        root.GetProperty("broker").GetProperty("errorQueues").ValueKind.ShouldBe(JsonValueKind.Object);
        var feeds = root.GetProperty("feeds");
        feeds.GetProperty("readiness").GetString().ShouldBe("Healthy");
        var items = feeds.GetProperty("items").EnumerateArray().ToList();
        items.Count.ShouldBe(2);
        var good = items.Single(f => f.GetProperty("url").GetString()!.EndsWith(PipelineFixture.FeedPath, StringComparison.Ordinal));
        good.GetProperty("lastOutcome").GetString().ShouldBeOneOf("ok", "not_modified");
        good.GetProperty("nextPoll").GetDateTimeOffset().ShouldBeGreaterThan(good.GetProperty("lastPoll").GetDateTimeOffset());
        var broken = items.Single(f => f.GetProperty("url").GetString()!.EndsWith(PipelineFixture.MalformedFeedPath, StringComparison.Ordinal));
        broken.GetProperty("lastOutcome").GetString().ShouldBe("failed");
        broken.GetProperty("lastFailure").GetString().ShouldNotBeNullOrWhiteSpace();
        var store = root.GetProperty("store");
        store.GetProperty("articles").GetInt64().ShouldBe(stored);
        store.GetProperty("pendingOutbox").GetInt64().ShouldBe(0);
        store.GetProperty("readiness").GetString().ShouldBe("Healthy");
    }

    [Fact]
    public async Task Dashboard_EveryPanelQuery_NamesAMetricTheRunningSystemExports()
    {
        // Arrange: one article through every stage, so every stage's instruments have measurements.
        var article = WireArticles.Create("dashboard square");
        pipeline.DropIntoInbox("dashboard-square.txt", article.Text);
        await Eventually.UntilAsync(() => pipeline.Subscriber.Records.Any(r => r.Title == article.Title), Deadline, "the article reaches the topic");
        var exported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var scrape in (await QuietScrapeAsync()).Values)
        {
            exported.UnionWith(scrape.Names);
        }

        using var http = new HttpClient();
        exported.UnionWith(PrometheusText.Parse(await http.GetStringAsync(new Uri(pipeline.Broker.PrometheusUri!, "metrics"))).Names);
        exported.UnionWith(PrometheusText.Parse(await http.GetStringAsync(new Uri(pipeline.Broker.PrometheusUri!, "metrics/detailed?family=queue_coarse_metrics&family=queue_consumer_count"))).Names);

        // Act
        var queries = DashboardQueries.Read(Path.Combine(RepositoryPaths.Root, DashboardQueries.DashboardPath));

        // Assert
        queries.Count.ShouldBeGreaterThanOrEqualTo(6);
        foreach (var (panel, expression) in queries)
        {
            var names = DashboardQueries.MetricNames(expression);
            names.ShouldNotBeEmpty($"panel '{panel}': {expression}");
            foreach (var name in names)
            {
                exported.ShouldContain(name, $"panel '{panel}' queries {name}, which no service or the broker exports");
            }
        }
    }

    [Fact]
    public async Task Logs_EachService_StartsWithVersionAndRedactedSettings_ThenSummarisesPeriodically()
    {
        await Eventually.UntilAsync(
            () => Services.All(s => pipeline.LogsOf(s).Any(l => l.Contains("Summary of the last", StringComparison.Ordinal))),
            Deadline,
            "every service logs its periodic summary line");

        foreach (var service in Services)
        {
            var startup = pipeline.LogsOf(service).First(l => l.Contains("with settings", StringComparison.Ordinal));
            using var json = JsonDocument.Parse(startup);
            var root = json.RootElement;
            root.GetProperty("ServiceVersion").GetString().ShouldNotBeNullOrWhiteSpace(service);
            var settings = root.GetProperty("Settings");
            settings.GetProperty("Messaging:Transport").GetString().ShouldBe("RabbitMq", service);
            settings.GetProperty("RabbitMqTransport:Pass").GetString().ShouldBe("***", $"{service} redacts the broker password");
            var summary = JsonDocument.Parse(pipeline.LogsOf(service).Last(l => l.Contains("Summary of the last", StringComparison.Ordinal))).RootElement;
            summary.GetProperty("TotalIn").GetInt64().ShouldBeGreaterThanOrEqualTo(0, service);
            summary.GetProperty("ItemsOut").ValueKind.ShouldBe(JsonValueKind.Number, service);
        }

        var store = JsonDocument.Parse(pipeline.LogsOf("NewsIngest.Store").First(l => l.Contains("with settings", StringComparison.Ordinal))).RootElement;
        store.GetProperty("Settings").GetProperty("Store:ConnectionString").GetString().ShouldNotBeNull().ShouldContain("127.0.0.1", Case.Insensitive);
    }

    private async Task<JsonElement> FetcherStatusAsync()
    {
        using var http = new HttpClient();
        using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri(pipeline.AddressOf("NewsIngest.Fetcher"), "/status")));
        return json.RootElement.GetProperty("feeds").Clone();
    }

    private async Task<long> CountArticlesAsync()
    {
        await using var connection = new NpgsqlConnection(pipeline.DatabaseConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT COUNT(*) FROM articles", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<Dictionary<string, PrometheusText>> ScrapeAllAsync()
    {
        using var http = new HttpClient();
        var scrapes = new Dictionary<string, PrometheusText>(StringComparer.Ordinal);
        foreach (var service in Services)
        {
            scrapes[service] = PrometheusText.Parse(await http.GetStringAsync(new Uri(pipeline.AddressOf(service), "/metrics")));
        }

        return scrapes;
    }

    /// <summary>
    /// A scrape once every article is through: the fetcher has polled both of the fixture's feeds (the good one without
    /// a failure, so its items are published and seen), each stage counted as many as the one before it handed on, and
    /// nothing moved for a second (earlier tests' articles, and the fixture's feed items, all through). Quiet alone is
    /// not enough: before the fetcher's first poll nothing moves either, and the feed items published after this scrape
    /// (870 + 292 + 254 claim-check bytes: a page, its feed entry and the second item) were counted as the test's own.
    /// </summary>
    private async Task<Dictionary<string, PrometheusText>> QuietScrapeAsync()
    {
        await Eventually.UntilAsync(
            async () =>
            {
                var feeds = (await FetcherStatusAsync()).EnumerateArray().ToList();
                return feeds.Count(f => f.GetProperty("lastResult").ValueKind == JsonValueKind.Object) == 2
                    && feeds.Any(f => f.GetProperty("url").GetString()!.EndsWith(PipelineFixture.FeedPath, StringComparison.Ordinal)
                        && f.GetProperty("lastResult").GetProperty("outcome").GetString() is "ok" or "not_modified");
            },
            Deadline,
            "the fetcher has polled both feeds, the good one successfully");
        var previous = await ScrapeAllAsync();
        Dictionary<string, PrometheusText> current = previous;
        await Eventually.UntilAsync(
            async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                current = await ScrapeAllAsync();
                var quiet = Progress(previous) == Progress(current) && Balanced(current);
                previous = current;
                return quiet;
            },
            Deadline,
            "the pipeline is quiet");
        return current;

        static string Progress(Dictionary<string, PrometheusText> scrape) => string.Join(
            '|',
            scrape["NewsIngest.Fetcher"].Sum("newsingest_fetcher_items_published_total"),
            scrape["NewsIngest.Parser"].Sum("newsingest_parser_articles_parsed_total") + scrape["NewsIngest.Parser"].Sum("newsingest_parser_articles_rejected_total"),
            scrape["NewsIngest.Enricher"].Sum("newsingest_enricher_articles_enriched_total"),
            scrape["NewsIngest.Store"].Sum("newsingest_store_decisions_total"),
            scrape["NewsIngest.Store"].Sum("newsingest_store_records_published_total"));
    }

    private static bool Balanced(Dictionary<string, PrometheusText> scrape)
    {
        var fetched = scrape["NewsIngest.Fetcher"].Sum("newsingest_fetcher_items_published_total");
        var parsed = scrape["NewsIngest.Parser"].Sum("newsingest_parser_articles_parsed_total");
        var rejected = scrape["NewsIngest.Parser"].Sum("newsingest_parser_articles_rejected_total");
        var enriched = scrape["NewsIngest.Enricher"].Sum("newsingest_enricher_articles_enriched_total");
        var decided = scrape["NewsIngest.Store"].Sum("newsingest_store_decisions_total");
        var published = scrape["NewsIngest.Store"].Sum("newsingest_store_records_published_total");
        var publishable = scrape["NewsIngest.Store"].Sum("newsingest_store_decisions_total", ("decision", "new_story"))
            + scrape["NewsIngest.Store"].Sum("newsingest_store_decisions_total", ("decision", "sighting"));
        return fetched == parsed + rejected && parsed == enriched && enriched == decided && published == publishable;
    }

    private static double Delta(Dictionary<string, PrometheusText> before, Dictionary<string, PrometheusText> after, string service, string metric, params (string Key, string Value)[] labels) =>
        after[service].Sum(metric, labels) - before[service].Sum(metric, labels);
}
