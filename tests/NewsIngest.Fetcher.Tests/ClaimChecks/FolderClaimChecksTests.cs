using System.Text;
using NewsIngest.ServiceDefaults.ClaimChecks;

namespace NewsIngest.Fetcher.Tests.ClaimChecks;

/// <summary>The folder store on a real folder: only its own addresses, regular files, the size limit; release and expiry.</summary>
public sealed class FolderClaimChecksTests : IDisposable
{
    private readonly string _root = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"claims-test-{Guid.NewGuid():N}")).FullName;

    [Fact]
    public async Task Get_OwnAddress_ReturnsTheBody()
    {
        var store = Store();
        var address = await store.Put(Body("harbour news"));

        var body = await ReadAsync(store, address);

        body.ShouldBe("harbour news");
        address.OriginalString.ShouldMatch("^urn:file:[0-9]{4}:[0-9]{2}:[0-9]{2}:[0-9a-f]{32}$");
    }

    [Theory]
    [InlineData("urn:file:..:..:..:..:etc:passwd")]
    [InlineData("urn:file:2026:12:01:..:..:etc:passwd")]
    [InlineData("urn:file:2026:12:01:0123456789abcdef0123456789abcdef:..")]
    [InlineData("file:///etc/passwd")]
    [InlineData("urn:file:2026:12:01:0123456789abcdef0123456789abcdef\n")]
    public async Task Get_CraftedAddress_RefusedUnread(string crafted)
    {
        var store = Store();

        var refused = await Should.ThrowAsync<ClaimCheckRefusedException>(() => store.Get(new Uri(crafted, UriKind.RelativeOrAbsolute)));

        refused.Message.ShouldContain("refused");
    }

    [Fact]
    public async Task Get_LinkAtAnOwnAddress_Refused()
    {
        var store = Store();
        var address = await store.Put(Body("x"));
        var path = PathOf(address);
        File.Delete(path);
        File.CreateSymbolicLink(path, "/etc/passwd");

        var refused = await Should.ThrowAsync<ClaimCheckRefusedException>(() => store.Get(address));

        refused.Reason.ShouldContain("link");
    }

    [Fact]
    public async Task Get_FileOverTheLimit_Refused()
    {
        var store = Store(maxBytes: 1024);
        var address = await store.Put(new MemoryStream(new byte[2048]));

        var refused = await Should.ThrowAsync<ClaimCheckRefusedException>(() => store.Get(address));

        refused.Reason.ShouldContain("limit");
    }

    [Fact]
    public async Task Get_AfterRelease_SaysTheMessageWasHandled()
    {
        var store = Store();
        var address = await store.Put(Body("x"));

        await store.ReleaseAsync(address, CancellationToken.None);

        await Should.ThrowAsync<ClaimCheckReleasedException>(() => store.Get(address));
        File.Exists(PathOf(address)).ShouldBeFalse();
    }

    [Fact]
    public async Task Get_AfterExpirySweep_FailsWithAClearReason()
    {
        var store = Store();
        var address = await store.Put(Body("x"));
        var late = await store.Put(Body("y"));
        File.SetLastWriteTimeUtc(PathOf(address), DateTime.UtcNow.AddDays(-2));

        var swept = await store.SweepAsync(DateTimeOffset.UtcNow, CancellationToken.None);

        swept.ShouldBe(1);
        var missing = await Should.ThrowAsync<ClaimCheckMissingException>(() => store.Get(address));
        missing.Message.ShouldContain("not found");
        (await ReadAsync(store, late)).ShouldBe("y");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private FolderClaimChecks Store(long maxBytes = 1024 * 1024) => new(_root, TimeSpan.FromDays(1), maxBytes, TimeProvider.System);

    private string PathOf(Uri address) => Path.Join([_root, .. address.OriginalString["urn:file:".Length..].Split(':')]);

    private static MemoryStream Body(string text) => new(Encoding.UTF8.GetBytes(text));

    internal static async Task<string> ReadAsync(IClaimCheckRepository store, Uri address)
    {
        await using var stream = await store.Get(address);
        return await new StreamReader(stream).ReadToEndAsync();
    }
}
