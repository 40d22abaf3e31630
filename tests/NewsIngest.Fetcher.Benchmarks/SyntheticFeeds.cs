using System.Globalization;
using System.Text;

namespace NewsIngest.Fetcher.Benchmarks;

/// <summary>Feeds generated here (RSS 2.0 with content:encoded and Dublin Core, Atom 1.0, JSON Feed 1.1) for timing.</summary>
internal static class SyntheticFeeds
{
    private const string Paragraph = "The ferry timetable changes on Monday, when the winter crossings begin and the late boat is withdrawn until spring.";

    public static string Rss(string name, int items)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel><title>{name}</title><link>http://bench.example.org/{name}/</link><ttl>5</ttl>""");
        for (var i = 0; i < items; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                <item><guid isPermaLink="false">{name}-{i}</guid><title>Notice {i} &amp; more</title><link>http://bench.example.org/{name}/{i}</link>
                <pubDate>Tue, 10 Jun 2025 {i % 24:00}:15:00 +0200</pubDate><dc:creator>Desk {i % 7}</dc:creator><category>local</category>
                <description>{Paragraph}</description><content:encoded><![CDATA[<p>{Paragraph}</p><p>{Paragraph}</p>]]></content:encoded></item>
                """);
        }

        return text.Append("</channel></rss>").ToString();
    }

    public static string Atom(string name, int items)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"""<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{name}</title><id>urn:bench:{name}</id><updated>2025-06-10T10:00:00Z</updated><link rel="self" href="http://bench.example.org/{name}.atom"/>""");
        for (var i = 0; i < items; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"""
                <entry><id>urn:bench:{name}:{i}</id><title type="html">Notice {i}</title><link href="/{name}/{i}"/><updated>2025-06-10T{i % 24:00}:15:00+02:00</updated>
                <author><name>Desk {i % 7}</name></author><summary>{Paragraph}</summary><content type="html">&lt;p&gt;{Paragraph}&lt;/p&gt;</content></entry>
                """);
        }

        return text.Append("</feed>").ToString();
    }

    public static string JsonFeed(string name, int items)
    {
        var entries = Enumerable.Range(0, items).Select(i => string.Create(CultureInfo.InvariantCulture,
            $$"""{"id":"{{name}}-{{i}}","url":"http://bench.example.org/{{name}}/{{i}}","title":"Notice {{i}}","content_html":"<p>{{Paragraph}}</p>","date_published":"2025-06-10T10:15:00+02:00","authors":[{"name":"Desk {{i % 7}}"}]}"""));
        return $$"""{"version":"https://jsonfeed.org/version/1.1","title":"{{name}}","items":[{{string.Join(",", entries)}}]}""";
    }
}
