using System.Diagnostics;
using System.Globalization;
using System.Text;
using NewsIngest.Fetcher.Feeds;

namespace NewsIngest.Fetcher.Benchmarks;

/// <summary>Feed parsing throughput: each format parsed over and over for a fixed time, after a warm-up.</summary>
internal static class ParseThroughput
{
    private const int ItemsPerFeed = 50;

    public static void Run(TimeSpan duration)
    {
        var formats = new (string Name, byte[] Body, string ContentType)[]
        {
            ("RSS 2.0", Encoding.UTF8.GetBytes(SyntheticFeeds.Rss("rss", ItemsPerFeed)), "application/rss+xml"),
            ("Atom 1.0", Encoding.UTF8.GetBytes(SyntheticFeeds.Atom("atom", ItemsPerFeed)), "application/atom+xml"),
            ("JSON Feed 1.1", Encoding.UTF8.GetBytes(SyntheticFeeds.JsonFeed("json", ItemsPerFeed)), "application/feed+json"),
        };
        var location = new Uri("http://bench.example.org/feed");
        Console.WriteLine($"Feed parsing, {ItemsPerFeed} items per document, {duration.TotalSeconds:0} s per format");
        foreach (var (name, body, contentType) in formats)
        {
            for (var i = 0; i < 50; i++)
            {
                FeedParser.Parse(body, contentType, location);
            }

            var items = 0L;
            var documents = 0L;
            var clock = Stopwatch.StartNew();
            while (clock.Elapsed < duration)
            {
                items += FeedParser.Parse(body, contentType, location).Items.Count;
                documents++;
            }

            var seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {name,-14} {items / seconds,12:N0} items/s  {documents / seconds,9:N0} documents/s  {body.Length * documents / seconds / 1048576,7:N1} MB/s"));
        }
    }
}
