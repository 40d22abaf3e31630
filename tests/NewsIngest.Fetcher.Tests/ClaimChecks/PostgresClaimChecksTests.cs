using System.Text;
using NewsIngest.ServiceDefaults.ClaimChecks;
using NewsIngest.Testing;
using Npgsql;

namespace NewsIngest.Fetcher.Tests.ClaimChecks;

/// <summary>The PostgreSQL store on a real server: bodies, release marks, expiry; small bodies inline.</summary>
public sealed class PostgresClaimChecksTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task Get_LateButBeforeExpiry_FindsTheBody()
    {
        var clock = new SteppedClock();
        await using var store = await StoreAsync(clock);
        var address = await store.Put(new MemoryStream("page"u8.ToArray()), TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromMinutes(59));

        (await FolderClaimChecksTests.ReadAsync(store, address)).ShouldBe("page");
    }

    [Fact]
    public async Task Get_AfterRelease_SaysTheMessageWasHandledAndTheBytesAreGone()
    {
        var connectionString = await database.Server.CreateDatabaseAsync();
        await using var store = new PostgresClaimChecks(NpgsqlDataSource.Create(connectionString), TimeProvider.System);
        var address = await store.Put(new MemoryStream("page"u8.ToArray()), TimeSpan.FromHours(1));

        await store.ReleaseAsync(address, CancellationToken.None);

        await Should.ThrowAsync<ClaimCheckReleasedException>(() => store.Get(address));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM claim_checks WHERE body IS NOT NULL", connection);
        ((long)(await count.ExecuteScalarAsync())!).ShouldBe(0);
    }

    [Fact]
    public async Task Sweep_PastExpiry_DeletesAndALateMessageGetsAClearReason()
    {
        var clock = new SteppedClock();
        await using var store = await StoreAsync(clock);
        var expired = await store.Put(new MemoryStream("old"u8.ToArray()), TimeSpan.FromMinutes(5));
        var kept = await store.Put(new MemoryStream("new"u8.ToArray()), TimeSpan.FromHours(1));
        clock.Advance(TimeSpan.FromMinutes(10));

        var swept = await store.SweepAsync(clock.GetUtcNow(), CancellationToken.None);

        swept.ShouldBe(1);
        (await Should.ThrowAsync<ClaimCheckMissingException>(() => store.Get(expired))).Message.ShouldContain("expired");
        (await FolderClaimChecksTests.ReadAsync(store, kept)).ShouldBe("new");
    }

    [Fact]
    public async Task Get_AddressOfAnotherStore_Refused()
    {
        await using var store = await StoreAsync(TimeProvider.System);

        await Should.ThrowAsync<ClaimCheckRefusedException>(() => store.Get(new Uri("urn:file:..:..:etc:passwd")));
    }

    [Fact]
    public async Task Put_SmallBody_TravelsInlineAndLargeOneInTheTable()
    {
        await using var table = await StoreAsync(TimeProvider.System);
        var store = new InlineClaimChecks(table, 16);

        var small = await store.Put(new MemoryStream(Encoding.UTF8.GetBytes("tiny")));
        var large = await store.Put(new MemoryStream(Encoding.UTF8.GetBytes(new string('x', 17))));

        small.Scheme.ShouldBe("data");
        (await FolderClaimChecksTests.ReadAsync(store, small)).ShouldBe("tiny");
        large.OriginalString.ShouldStartWith("urn:claim-check:pg:");
        (await FolderClaimChecksTests.ReadAsync(store, large)).ShouldBe(new string('x', 17));
    }

    private sealed class SteppedClock : TimeProvider
    {
        private DateTimeOffset _now = DateTimeOffset.UtcNow;

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }

    private async Task<PostgresClaimChecks> StoreAsync(TimeProvider clock) =>
        new(NpgsqlDataSource.Create(await database.Server.CreateDatabaseAsync()), clock);
}
