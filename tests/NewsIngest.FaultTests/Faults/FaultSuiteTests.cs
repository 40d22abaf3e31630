using NewsIngest.Testing.Pipeline;

namespace NewsIngest.FaultTests.Faults;

/// <summary>
/// Nothing lost, nothing published twice: each fault over the real four-process topology (throwaway RabbitMQ node and
/// PostgreSQL, the built services as processes, 1,000 distinct articles from loopback feeds, a subscriber on
/// <c>news.articles</c> counting by message id). Each scenario prints one result line (test output and diagnostics).
/// </summary>
public sealed class FaultSuiteTests
{
    private const int ScenarioTimeout = 30 * 60 * 1000;
    private static readonly TimeSpan RepollBound = TimeSpan.FromSeconds(30);

    [Fact(Timeout = ScenarioTimeout)]
    public async Task FetcherKilled_MidRunAndRestartedAfter3Seconds_EveryArticleOnTheTopicOnceAndFeedsPolledAgain()
    {
        var outcome = await KillServiceAsync(PipelineServices.Fetcher, 9101);

        outcome.SlowestRepoll.ShouldNotBeNull("every feed is polled again after the fetcher's restart");
        outcome.SlowestRepoll.Value.ShouldBeLessThanOrEqualTo(RepollBound, "every feed is polled again soon after the fetcher's restart");
    }

    [Fact(Timeout = ScenarioTimeout)]
    public Task ParserKilled_MidRunAndRestartedAfter3Seconds_EveryArticleOnTheTopicOnce() => KillServiceAsync(PipelineServices.Parser, 9102);

    [Fact(Timeout = ScenarioTimeout)]
    public Task EnricherKilled_MidRunAndRestartedAfter3Seconds_EveryArticleOnTheTopicOnce() => KillServiceAsync(PipelineServices.Enricher, 9103);

    [Fact(Timeout = ScenarioTimeout)]
    public Task StoreKilled_MidRunAndRestartedAfter3Seconds_EveryArticleOnTheTopicAtMostTheOneInFlightTwice() => KillServiceAsync(PipelineServices.Store, 9104);

    [Fact(Timeout = ScenarioTimeout)]
    public async Task BrokerKilled_MidRunAndRestartedAfter5Seconds_EveryArticleOnTheTopicAtMostTheOneInFlightTwice()
    {
        // The store's record in flight when the broker dies (in the topic, its confirm lost) goes out again after the reconnect.
        var fault = new Fault("kill -9 rabbitmq", 9105, harness => harness.Broker.CrashAsync(), TimeSpan.FromSeconds(5), harness => harness.Broker.StartAgainAsync(), DuplicatesAllowed: 1);

        await RunAndAssertAsync(fault);
    }

    [Fact(Timeout = ScenarioTimeout)]
    public async Task DatabaseStopped20Seconds_MidRun_EveryArticleOnTheTopicOnce()
    {
        var fault = new Fault("postgresql stopped 20 s", 9106, harness => harness.Database.StopServerAsync(), TimeSpan.FromSeconds(20), harness => harness.Database.StartAgainAsync());

        await RunAndAssertAsync(fault);
    }

    private static Task<FaultOutcome> KillServiceAsync(string service, int seed) => RunAndAssertAsync(new Fault(
        $"kill -9 {service["NewsIngest.".Length..].ToLowerInvariant()}",
        seed,
        harness => harness.Services.KillAsync(service),
        TimeSpan.FromSeconds(3),
        harness => harness.Services.RestartAsync(service),
        DuplicatesAllowed: service == PipelineServices.Store ? 1 : 0));

    private static async Task<FaultOutcome> RunAndAssertAsync(Fault fault)
    {
        var outcome = await FaultRun.RunAsync(fault, TestContext.Current.CancellationToken);

        var line = outcome.Summary();
        TestContext.Current.TestOutputHelper?.WriteLine(line);
        TestContext.Current.SendDiagnosticMessage(line);
        outcome.ShouldSatisfyAllConditions(
            () => outcome.Lost.ShouldBe(0, "articles never published on the topic"),
            () => (outcome.StreamRecords - outcome.PublishedTwice).ShouldBe(FaultRun.Articles, "distinct records the replay stream holds"),
            () => outcome.PublishedTwice.ShouldBeLessThanOrEqualTo(fault.DuplicatesAllowed, "records the replay stream holds more than once"),
            () => outcome.Duplicated.ShouldBeLessThanOrEqualTo(fault.DuplicatesAllowed, "records the subscriber received more than once"),
            () => outcome.Unrecognised.ShouldBe(0, "records on the topic that stand for no article of the run"),
            () => outcome.ErrorMessages.ShouldBe(0, "messages left in _error queues"),
            () => outcome.Drain.ShouldNotBeNull($"every article on the topic within {outcome.DrainBound.TotalSeconds:0} s of the fault"),
            () => outcome.Settled.ShouldBeTrue("service queues and the store's outbox empty once every article arrived"),
            () => outcome.StoredRows.ShouldBe(FaultRun.Articles, "rows in the store's articles table"),
            () => outcome.PendingRows.ShouldBe(0, "stored rows never published"),
            () => outcome.ExitedServices.ShouldBeEmpty("services that are no longer running"));
        return outcome;
    }
}
