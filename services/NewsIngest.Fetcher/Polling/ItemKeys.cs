using System.Security.Cryptography;
using System.Text;
using NewsIngest.Fetcher.Feeds;

namespace NewsIngest.Fetcher.Polling;

/// <summary>
/// What identifies a feed item across polls: its GUID/id, else its link, else a hash of its text. Stored as a
/// fixed-length hash so a feed with enormous ids cannot bloat the state.
/// </summary>
public static class ItemKeys
{
    public static string For(FeedItem item)
    {
        var identity = !string.IsNullOrWhiteSpace(item.Id) ? "id:" + item.Id.Trim()
            : !string.IsNullOrWhiteSpace(item.Link) ? "link:" + item.Link.Trim()
            : "content:" + item.Title + "\n" + item.Published?.ToString("O") + "\n" + (item.Content ?? item.Summary);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..32];
    }
}
