using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsIngest.Testing.Pipeline;

/// <summary>
/// Serves a run of <see cref="GeneratedArticle"/>s as RSS feeds from a <see cref="LoopbackHttpServer"/>: article i sits
/// in feed i mod F, newest first, and only once it has been revealed — all at once (<see cref="RevealAll"/>), at a
/// steady rate (<see cref="RevealPacedAsync"/>) as a real newsroom publishes, or a step ahead of the pipeline
/// (<see cref="RevealAheadAsync"/>). Each feed answers with an ETag, and
/// 304 when nothing new was revealed. Full-page articles carry a teaser in the feed and their text on a linked page.
/// The moment each article became visible is kept, for latency measured from there.
/// </summary>
public sealed class GeneratedFeeds
{
    private const string RssContentType = "application/rss+xml; charset=utf-8";
    private static readonly DateTimeOffset FirstPublished = new(2026, 11, 1, 6, 0, 0, TimeSpan.Zero);

    private readonly LoopbackHttpServer _server;
    private readonly IReadOnlyList<GeneratedArticle> _articles;
    private readonly int _feedCount;
    private readonly int _window;
    private readonly long[] _visibleAt;
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Feed, int Visible), byte[]> _rendered = [];
    private int _visible;

    private GeneratedFeeds(LoopbackHttpServer server, IReadOnlyList<GeneratedArticle> articles, int feedCount, int window)
    {
        _server = server;
        _articles = articles;
        _feedCount = feedCount;
        _window = window;
        _visibleAt = new long[articles.Count];
    }

    /// <summary>The feed URLs, for the fetcher's <c>Fetcher:Feeds:N:Url</c>.</summary>
    public IReadOnlyList<Uri> FeedUrls => [.. Enumerable.Range(0, _feedCount).Select(f => _server.UrlFor(FeedPath(f)))];

    public IReadOnlyList<GeneratedArticle> Articles => _articles;

    /// <summary>How many articles are visible in the feeds so far.</summary>
    public int Visible => Volatile.Read(ref _visible);

    /// <summary>
    /// Maps the feeds and pages of <paramref name="articles"/> on <paramref name="server"/>; nothing is visible yet.
    /// With a <paramref name="window"/>, each feed lists only its newest that many visible items (as a newsroom's feed
    /// does), so a long run does not grow the feeds without end; 0: every visible item.
    /// </summary>
    public static GeneratedFeeds Serve(LoopbackHttpServer server, IReadOnlyList<GeneratedArticle> articles, int feedCount, int window = 0)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(feedCount, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(window);
        var feeds = new GeneratedFeeds(server, articles, feedCount, window);
        for (var f = 0; f < feedCount; f++)
        {
            var feed = f;
            server.Map(FeedPath(f), context => feeds.WriteFeedAsync(context, feed));
        }

        foreach (var article in articles.Where(a => a.FullPage))
        {
            server.MapResponse(article.PagePath, StaticResponse.Text(Page(article), "text/html; charset=utf-8"));
        }

        return feeds;
    }

    /// <summary>The article's item URL on this server (the key its record carries back in <c>article.url</c>).</summary>
    public Uri UrlOf(GeneratedArticle article) => _server.UrlFor(article.PagePath);

    /// <summary>When the article became visible (a <see cref="Stopwatch"/> timestamp), or null while it is not.</summary>
    public long? VisibleAt(int index) => index < Visible ? Volatile.Read(ref _visibleAt[index]) : null;

    public void RevealAll() => RevealUpTo(_articles.Count);

    /// <summary>Makes the first <paramref name="count"/> articles visible at once.</summary>
    public void RevealUpTo(int count)
    {
        lock (_gate)
        {
            var now = Stopwatch.GetTimestamp();
            for (var i = _visible; i < count; i++)
            {
                _visibleAt[i] = now;
            }

            if (count > _visible)
            {
                Volatile.Write(ref _visible, count);
            }
        }
    }

    /// <summary>
    /// Reveals the next articles one by one at <paramref name="perSecond"/>, until <paramref name="upTo"/> (all by default)
    /// are visible.
    /// </summary>
    public async Task RevealPacedAsync(double perSecond, int? upTo = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(perSecond, 0);
        var target = Math.Min(upTo ?? _articles.Count, _articles.Count);
        var start = Visible;
        var clock = Stopwatch.StartNew();
        while (Visible < target)
        {
            RevealUpTo((int)Math.Min(target, start + 1 + Math.Floor(clock.Elapsed.TotalSeconds * perSecond)));
            await Task.Delay(TimeSpan.FromMilliseconds(Math.Clamp(1000 / perSecond, 5, 100)), cancellationToken);
        }
    }

    /// <summary>
    /// Keeps <paramref name="lead"/> articles visible beyond those <paramref name="done"/> reports (e.g. the ones on the
    /// topic), so the fetcher keeps working all through a run at whatever speed the machine allows; returns when all are visible.
    /// </summary>
    public async Task RevealAheadAsync(Func<int> done, int lead, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(lead, 1);
        while (Visible < _articles.Count)
        {
            RevealUpTo(Math.Min(_articles.Count, done() + lead));
            await Task.Delay(TimeSpan.FromMilliseconds(100), cancellationToken);
        }
    }

    /// <summary>Writes every feed, all articles visible, into <paramref name="folder"/> (for <c>newsingest run --samples</c>).</summary>
    public static void WriteFiles(IReadOnlyList<GeneratedArticle> articles, int feedCount, string folder, Uri linkBase)
    {
        Directory.CreateDirectory(folder);
        for (var f = 0; f < feedCount; f++)
        {
            var items = articles.Where(a => a.Index % feedCount == f).Reverse();
            File.WriteAllText(Path.Combine(folder, $"generated-{f:D3}.xml"), Rss(f, items, linkBase.ToString().TrimEnd('/')), Encoding.UTF8);
        }
    }

    private static string FeedPath(int feed) => $"/feeds/generated-{feed:D3}.xml";

    private async Task WriteFeedAsync(HttpContext context, int feed)
    {
        var visible = Visible;
        var visibleInFeed = visible / _feedCount + (feed < visible % _feedCount ? 1 : 0);
        var etag = $"\"{visibleInFeed}\"";
        context.Response.Headers.ETag = etag;
        if (context.Request.Headers.IfNoneMatch == etag)
        {
            context.Response.StatusCode = (int)HttpStatusCode.NotModified;
            return;
        }

        byte[] body;
        lock (_gate)
        {
            if (!_rendered.TryGetValue((feed, visibleInFeed), out body!))
            {
                var first = _window == 0 ? 0 : Math.Max(0, visibleInFeed - _window);
                var items = Enumerable.Range(first, visibleInFeed - first).Select(k => _articles[k * _feedCount + feed]).Reverse();
                body = Encoding.UTF8.GetBytes(Rss(feed, items, _server.BaseAddress.ToString().TrimEnd('/')));
                _rendered.Remove((feed, visibleInFeed - 1));
                _rendered[(feed, visibleInFeed)] = body;
            }
        }

        context.Response.ContentType = RssContentType;
        context.Response.ContentLength = body.Length;
        await context.Response.Body.WriteAsync(body, context.RequestAborted);
    }

    private static string Rss(int feed, IEnumerable<GeneratedArticle> items, string linkBase)
    {
        var xml = new StringBuilder();
        xml.Append(CultureInfo.InvariantCulture, $"""
            <?xml version="1.0" encoding="utf-8"?>
            <rss version="2.0"><channel><title>Generated Gazette {feed}</title><link>{linkBase}/</link><description>Articles generated for load and fault runs.</description>
            """);
        foreach (var article in items)
        {
            var text = article.FullPage ? $"<p>{Escape(Teaser(article))}</p>" : string.Concat(article.Paragraphs.Select(p => $"<p>{Escape(p)}</p>"));
            var published = FirstPublished.AddMinutes(article.Index).ToString("r", CultureInfo.InvariantCulture);
            xml.Append(CultureInfo.InvariantCulture, $"<item><title>{Escape(article.Title)}</title><link>{linkBase}{article.PagePath}</link><guid isPermaLink=\"false\">{article.EntryId}</guid><pubDate>{published}</pubDate><description><![CDATA[{text}]]></description></item>\n");
        }

        return xml.Append("</channel></rss>\n").ToString();
    }

    private static string Teaser(GeneratedArticle article) => article.Paragraphs[0].Split(". ")[0] + ".";

    private static string Page(GeneratedArticle article) => $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{Escape(article.Title)} | Generated Gazette</title>
        <meta property="og:site_name" content="Generated Gazette"></head>
        <body><nav class="menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></nav>
        <article><h1>{Escape(article.Title)}</h1>
        {string.Concat(article.Paragraphs.Select(p => $"<p>{Escape(p)}</p>\n"))}</article>
        <footer>Generated Gazette, a test site</footer></body></html>
        """;

    private static string Escape(string text) => WebUtility.HtmlEncode(text);
}
