using System.Text;
using NewsIngest.Testing;

namespace NewsIngest.Fetcher.Tests.Polling;

/// <summary>Small RSS documents written for these tests.</summary>
internal static class TestFeeds
{
    public const string RssType = "application/rss+xml; charset=utf-8";

    public static string Rss(int count, string extraChannel = "")
    {
        var items = new StringBuilder();
        for (var i = 1; i <= count; i++)
        {
            items.Append(System.Globalization.CultureInfo.InvariantCulture, $"""
                <item><guid>urn:test:item-{i}</guid><title>Harbour note {i}</title><link>http://news.example.org/notes/{i}</link>
                <description>The harbour master posted note number {i} about tides and berths.</description></item>
                """);
        }

        return $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Harbour Notes</title><link>http://news.example.org/</link>{extraChannel}{items}</channel></rss>""";
    }

    public static StaticResponse RssResponse(int count, string extraChannel = "") => StaticResponse.Text(Rss(count, extraChannel), RssType);
}
