using NewsIngest.Data;
using NewsIngest.Fetcher.State;
using NewsIngest.Fetcher.Tests.Polling;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.State;

/// <summary>State in a real PostgreSQL server: it survives a restart, and leases keep replicas apart.</summary>
public sealed class FeedStateStorePostgresTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>, IAsyncLifetime
{
    private LoopbackHttpServer _server = null!;

    public async ValueTask InitializeAsync() => _server = await LoopbackHttpServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Poll_AfterRestart_DoesNotRepublishSeenItemsAndKeepsValidators()
    {
        // Arrange
        var settings = await PostgresSettingsAsync();
        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(3) with { Headers = new Dictionary<string, string> { ["ETag"] = "\"v1\"" } });
        var url = _server.UrlFor("/feed.xml");
        await using (var before = await FetcherHarness.StartAsync(settings))
        {
            (await before.PollAsync(url)).NewItems.ShouldBe(3);
        }

        _server.MapResponse("/feed.xml", TestFeeds.RssResponse(4) with { Headers = new Dictionary<string, string> { ["ETag"] = "\"v2\"" } });

        // Act
        await using var after = await FetcherHarness.StartAsync(settings);
        var result = await after.PollAsync(url);

        // Assert
        (result.NewItems, result.SeenItems).ShouldBe((1, 3));
        after.Published.Items.Single().Title.ShouldBe("Harbour note 4");
        _server.RequestsTo("/feed.xml")[1].Headers["If-None-Match"].ShouldBe("\"v1\"");
    }

    [Fact]
    public async Task Migrate_TwiceOrConcurrently_LeavesOneSchema()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var first = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await using var second = new FeedStateStore(SqlDialect.Postgres(connectionString));

        // Act
        await Task.WhenAll(first.MigrateAsync(CancellationToken.None), second.MigrateAsync(CancellationToken.None));
        await first.MigrateAsync(CancellationToken.None);
        await first.AddAsync("http://feeds.example.org/a.xml", null, DateTimeOffset.UtcNow, CancellationToken.None);

        // Assert
        (await second.ListAsync(CancellationToken.None)).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ClaimDue_TwoReplicasAtOnce_NeverClaimTheSameFeed()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var replicaA = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await using var replicaB = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await replicaA.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 200; i++)
        {
            await replicaA.AddAsync($"http://feeds.example.org/{i}.xml", null, now, CancellationToken.None);
        }

        // Act
        var claims = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            (i % 2 == 0 ? replicaA : replicaB).ClaimDueAsync($"replica-{i}", now.AddSeconds(1), TimeSpan.FromMinutes(5), 40, CancellationToken.None)));
        var again = await replicaB.ClaimDueAsync("late", now.AddSeconds(2), TimeSpan.FromMinutes(5), 500, CancellationToken.None);

        // Assert
        var ids = claims.SelectMany(batch => batch).Select(feed => feed.FeedId).ToList();
        ids.Count.ShouldBe(ids.Distinct().Count());
        (ids.Count + again.Count).ShouldBe(200);
    }

    [Fact]
    public async Task ClaimDue_LeaseExpired_LetsAnotherReplicaTakeOver()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var store = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await store.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var feed = await store.AddAsync("http://feeds.example.org/a.xml", null, now, CancellationToken.None);
        (await store.ClaimDueAsync("crashed", now, TimeSpan.FromMinutes(5), 10, CancellationToken.None)).Count.ShouldBe(1);

        // Act
        var whileHeld = await store.ClaimDueAsync("other", now.AddMinutes(1), TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        var afterExpiry = await store.ClaimDueAsync("other", now.AddMinutes(6), TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        var staleSave = await store.CompleteAsync(feed with { NextPoll = now.AddHours(1) }, "crashed", CancellationToken.None);

        // Assert
        whileHeld.ShouldBeEmpty();
        afterExpiry.Single().FeedId.ShouldBe(feed.FeedId);
        staleSave.ShouldBeFalse();
    }

    [Fact]
    public async Task Renew_WhilePolling_KeepsOwnLeasesOnly()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var store = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await store.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync("http://feeds.example.org/a.xml", null, now, CancellationToken.None);
        await store.AddAsync("http://feeds.example.org/b.xml", null, now, CancellationToken.None);
        (await store.ClaimDueAsync("live", now, TimeSpan.FromSeconds(10), 1, CancellationToken.None)).Count.ShouldBe(1);
        (await store.ClaimDueAsync("dead", now, TimeSpan.FromSeconds(10), 1, CancellationToken.None)).Count.ShouldBe(1);

        // Act
        var renewed = await store.RenewAsync("live", now.AddSeconds(8), TimeSpan.FromSeconds(10), CancellationToken.None);
        var takenOver = await store.ClaimDueAsync("other", now.AddSeconds(12), TimeSpan.FromSeconds(10), 10, CancellationToken.None);

        // Assert
        renewed.ShouldBe(1);
        takenOver.Count.ShouldBe(1); // the dead replica's feed; the live one's lease was renewed
    }

    [Fact]
    public async Task ClaimDue_TwoLiveReplicas_EachClaimsItsShare()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var store = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await store.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        for (var i = 0; i < 7; i++)
        {
            await store.AddAsync($"http://feeds.example.org/{i}.xml", null, now, CancellationToken.None);
        }

        await store.HeartbeatAsync("a", now, TimeSpan.FromMinutes(1), CancellationToken.None);
        var live = await store.HeartbeatAsync("b", now, TimeSpan.FromMinutes(1), CancellationToken.None);

        // Act
        var first = await store.ClaimDueAsync("a", now, TimeSpan.FromMinutes(1), 100, live, CancellationToken.None);
        var again = await store.ClaimDueAsync("a", now, TimeSpan.FromMinutes(1), 100, live, CancellationToken.None);
        var other = await store.ClaimDueAsync("b", now, TimeSpan.FromMinutes(1), 100, live, CancellationToken.None);
        var rest = await store.ClaimDueAsync("b", now, TimeSpan.FromMinutes(1), 100, live, CancellationToken.None);

        // Assert: 7 feeds wanted by 2 replicas: a share is 4; the one left over is claimable by either, never by both.
        live.ShouldBe(2);
        first.Count.ShouldBe(4);
        again.ShouldBeEmpty("a replica holding its share claims no more");
        other.Count.ShouldBe(3);
        rest.ShouldBeEmpty();
        first.Concat(other).Select(feed => feed.FeedId).Distinct().Count().ShouldBe(7);
    }

    [Fact]
    public async Task Heartbeat_ReplicaLeftOrRanOut_IsNoLongerCounted()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var store = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await store.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        var alive = TimeSpan.FromSeconds(10);

        // Act
        var alone = await store.HeartbeatAsync("a", now, alive, CancellationToken.None);
        var two = await store.HeartbeatAsync("b", now, alive, CancellationToken.None);
        await store.LeaveAsync("b", CancellationToken.None);
        var afterLeaving = await store.HeartbeatAsync("a", now, alive, CancellationToken.None);
        await store.HeartbeatAsync("c", now, alive, CancellationToken.None);
        var afterRunningOut = await store.HeartbeatAsync("a", now + alive + TimeSpan.FromSeconds(1), alive, CancellationToken.None);

        // Assert
        (alone, two, afterLeaving, afterRunningOut).ShouldBe((1, 2, 1, 1));
    }

    [Fact]
    public async Task Release_AfterRestart_FreesOwnLeasesAtOnce()
    {
        // Arrange
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var store = new FeedStateStore(SqlDialect.Postgres(connectionString));
        await store.MigrateAsync(CancellationToken.None);
        var now = DateTimeOffset.UtcNow;
        await store.AddAsync("http://feeds.example.org/a.xml", null, now, CancellationToken.None);
        await store.ClaimDueAsync("fetcher-1", now, TimeSpan.FromMinutes(5), 10, CancellationToken.None);

        // Act
        var released = await store.ReleaseAsync("fetcher-1", CancellationToken.None);
        var reclaimed = await store.ClaimDueAsync("fetcher-1", now.AddSeconds(1), TimeSpan.FromMinutes(5), 10, CancellationToken.None);

        // Assert
        released.ShouldBe(1);
        reclaimed.Count.ShouldBe(1);
    }

    private async Task<Dictionary<string, string?>> PostgresSettingsAsync() => new()
    {
        ["Fetcher:State:Provider"] = "Postgres",
        ["Fetcher:State:ConnectionString"] = await database.Server.CreateDatabaseAsync(),
    };

    [Fact]
    public async Task Seen_AWholeFeedOfKeysAtOnce_FindsExactlyTheRecordedOnes()
    {
        await using var store = new FeedStateStore(SqlDialect.Postgres(await database.Server.CreateDatabaseAsync()));
        await store.MigrateAsync(CancellationToken.None);

        await SeenKeysScenario.RunAsync(store);
    }
}
