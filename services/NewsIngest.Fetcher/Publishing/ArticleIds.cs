using System.Security.Cryptography;
using System.Text;

namespace NewsIngest.Fetcher.Publishing;

/// <summary>
/// Article ids derived from what identifies an item at its source (feed + entry id, or the text itself),
/// so fetching the same item again yields the same id and every later stage can be idempotent.
/// </summary>
public static class ArticleIds
{
    public static Guid FromKey(string key)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(key), hash);
        var bytes = hash[..16];
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x80); // RFC 9562 version 8 (custom), big-endian layout below
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static Guid FromContent(ReadOnlySpan<byte> content) => FromKey("content:" + Convert.ToHexString(SHA256.HashData(content)));
}
