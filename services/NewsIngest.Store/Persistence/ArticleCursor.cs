using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace NewsIngest.Store.Persistence;

/// <summary>A keyset position (stored_at, article_id) encoded as an opaque URL-safe token.</summary>
public sealed record ArticleCursor(DateTimeOffset StoredAt, Guid ArticleId)
{
    public string Encode() =>
        Base64Url.EncodeToString(Encoding.UTF8.GetBytes(
            $"{StoredAt.ToUniversalTime().UtcTicks.ToString(CultureInfo.InvariantCulture)}|{ArticleId:N}"));

    public static bool TryDecode(string token, out ArticleCursor? cursor)
    {
        cursor = null;
        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            return false;
        }

        var parts = Encoding.UTF8.GetString(bytes).Split('|');
        if (parts.Length != 2
            || !long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks)
            || ticks < DateTimeOffset.MinValue.UtcTicks || ticks > DateTimeOffset.MaxValue.UtcTicks
            || !Guid.TryParseExact(parts[1], "N", out var id))
        {
            return false;
        }

        cursor = new ArticleCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        return true;
    }
}
