namespace NewsIngest.ServiceDefaults.ClaimChecks;

/// <summary>
/// Bodies up to <paramref name="inlineBytes"/> travel in the message itself, as a <c>data:</c> address: nothing to
/// store, fetch or delete. Larger ones go to <paramref name="inner"/>.
/// </summary>
public sealed class InlineClaimChecks(IClaimCheckRepository inner, int inlineBytes) : IClaimCheckRepository
{
    private const string Prefix = "data:application/octet-stream;base64,";

    public IClaimCheckRepository Inner => inner;

    public async Task<Uri> Put(Stream stream, TimeSpan? timeToLive = null, CancellationToken cancellationToken = default)
    {
        var head = new byte[inlineBytes + 1];
        var read = 0;
        while (read < head.Length && await stream.ReadAsync(head.AsMemory(read), cancellationToken) is > 0 and var count)
        {
            read += count;
        }

        if (read <= inlineBytes)
        {
            return new Uri(Prefix + Convert.ToBase64String(head, 0, read));
        }

        using var whole = new MemoryStream();
        await whole.WriteAsync(head.AsMemory(0, read), cancellationToken);
        await stream.CopyToAsync(whole, cancellationToken);
        whole.Position = 0;
        return await inner.Put(whole, timeToLive, cancellationToken);
    }

    public Task<Stream> Get(Uri address, CancellationToken cancellationToken = default)
    {
        if (!IsInline(address))
        {
            return inner.Get(address, cancellationToken);
        }

        var encoded = address.OriginalString.AsSpan(Prefix.Length);
        var body = new byte[(encoded.Length / 4 * 3) + 3];
        return Convert.TryFromBase64Chars(encoded, body, out var written)
            ? Task.FromResult<Stream>(new MemoryStream(body, 0, written, writable: false))
            : throw new ClaimCheckRefusedException(address, "an inline body that is not base64");
    }

    public Task ReleaseAsync(Uri address, CancellationToken cancellationToken) =>
        IsInline(address) ? Task.CompletedTask : inner.ReleaseAsync(address, cancellationToken);

    public Task<int> SweepAsync(DateTimeOffset now, CancellationToken cancellationToken) => inner.SweepAsync(now, cancellationToken);

    private static bool IsInline(Uri address) => address.OriginalString.StartsWith(Prefix, StringComparison.Ordinal);
}
