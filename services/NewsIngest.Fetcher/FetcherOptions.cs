using System.ComponentModel.DataAnnotations;
using System.Globalization;
using NewsIngest.Fetcher.Articles;
using NewsIngest.Fetcher.Http;

namespace NewsIngest.Fetcher;

/// <summary>The <c>Fetcher</c> section: which sources to read, how often, and the limits every fetch obeys.</summary>
public sealed class FetcherOptions : IValidatableObject
{
    public const string Section = "Fetcher";

    /// <summary>Feeds to poll (RSS, Atom, JSON Feed over http/https).</summary>
    public List<FeedSourceOptions> Feeds { get; set; } = [];

    /// <summary>An OPML file whose outlines (<c>xmlUrl</c>) are added to <see cref="Feeds"/> at start; null for none.</summary>
    public string? OpmlPath { get; set; }

    /// <summary>Folder of plain-text wire articles; null for none.</summary>
    public string? InboxPath { get; set; }

    /// <summary>Move read inbox files to <c>.processed/</c> (or <c>.rejected/</c>); off to read a folder in place.</summary>
    public bool MoveProcessedFiles { get; set; } = true;

    /// <summary>Where per-feed state (validators, schedule, seen items) lives.</summary>
    public FeedStateOptions State { get; set; } = new();

    /// <summary>
    /// The shortest poll interval of any feed: <see cref="PollInterval"/>, a configured feed's and one given to
    /// <c>POST /feeds</c> (<see cref="FeedIntervalProblem"/>).
    /// </summary>
    public const string MinPollInterval = "00:00:00.100";

    private static readonly TimeSpan ShortestPollInterval = TimeSpan.Parse(MinPollInterval, CultureInfo.InvariantCulture);

    /// <summary>
    /// Default time between two polls of one feed; a feed may set its own. Below a second only for feeds you serve
    /// yourself: requests to one host still start at most one per <see cref="MinHostDelay"/>.
    /// </summary>
    [Range(typeof(TimeSpan), MinPollInterval, "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Upper bound of any wait the feed or the server asks for (ttl, max-age, Retry-After) and of backoff.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromDays(1);

    /// <summary>A feed failing this many polls in a row is paused until an operator resumes it.</summary>
    [Range(1, 10_000)]
    public int MaxConsecutiveErrors { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan InboxScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often the feed loop looks for feeds that are due. A feed is polled at most this much after its time, so it
    /// bounds the delay added to <see cref="PollInterval"/>; each look is one indexed query on the state database.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00")]
    public TimeSpan FeedCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Timeout of one HTTP attempt (until the response headers).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of a whole fetch: every retry and redirect, and reading the body.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Retries of one fetch on transient failures (network, 408, 5xx).</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 2;

    /// <summary>First retry delay; later ones grow exponentially, with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Largest body accepted, counted after decompression.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    [Range(0, 20)]
    public int MaxRedirects { get; set; } = 5;

    /// <summary>Hosts, addresses or CIDR ranges (e.g. <c>127.0.0.1</c>, <c>10.1.0.0/16</c>, <c>feeds.internal</c>) that the SSRF guard lets through.</summary>
    public List<string> AllowedHosts { get; set; } = [];

    /// <summary>Requests in flight to one host at most.</summary>
    [Range(1, 256)]
    public int PerHostConcurrency { get; set; } = 2;

    /// <summary>Least time between the starts of two requests to one host.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MinHostDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>When an item could not be published (broker away, no queue bound), the feed is polled again after this.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan PublishRetryDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long one item's publish may wait for the broker's confirm (or for a connection to send it on); past
    /// it the item stays unseen and the feed is polled again after <see cref="PublishRetryDelay"/>, so a publish the
    /// broker never answers cannot hold the feed's poll, and with it the feed, for ever.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>New items of one poll published at once, each marked seen once the broker confirmed it.</summary>
    [Range(1, 256)]
    public int PublishConcurrency { get; set; } = 8;

    /// <summary>Feeds polled at once.</summary>
    [Range(1, 1024)]
    public int MaxConcurrentPolls { get; set; } = 16;

    /// <summary>Default of <see cref="FeedSourceOptions.FullArticle"/>: whether to fetch the page an item links to.</summary>
    public FullArticleMode FullArticle { get; set; } = FullArticleMode.Auto;

    /// <summary>In <see cref="FullArticleMode.Auto"/>, items with less text than this (tags stripped) have their page fetched.</summary>
    [Range(0, 1_000_000)]
    public int FullArticleMinChars { get; set; } = 600;

    /// <summary>Pages (full articles) fetched for one poll at most; the other items of that poll go out as feed items.</summary>
    [Range(0, 1000)]
    public int MaxFullArticlesPerPoll { get; set; } = 10;

    /// <summary>Pages of one poll fetched at once.</summary>
    [Range(1, 64)]
    public int FullArticleConcurrency { get; set; } = 4;

    /// <summary>Time the page fetches of one poll may take together; pages not fetched by then go out as feed items.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan PollBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How long a host's robots.txt is kept before it is read again.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan RobotsCacheDuration { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Key the feed admin endpoints (<c>/feeds</c>) require in <c>X-Api-Key</c>; null or empty turns them off.</summary>
    public string? AdminApiKey { get; set; }

    [Required]
    public string UserAgent { get; set; } = "NewsIngest/1.0 (+https://github.com/newsingest)";

    /// <summary>Why <paramref name="interval"/> cannot be one feed's poll interval, or null when it can.</summary>
    public string? FeedIntervalProblem(TimeSpan interval) =>
        interval < ShortestPollInterval || interval > MaxPollInterval
            ? $"must be between {MinPollInterval} and MaxPollInterval ({MaxPollInterval:c}), got {interval:c}"
            : null;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Feeds.Count; i++)
        {
            if (!Uri.TryCreate(Feeds[i].Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"must be an absolute http or https URL, got '{Feeds[i].Url}'", [$"Feeds:{i}:Url"]);
            }

            if (Feeds[i].Interval is { } interval && FeedIntervalProblem(interval) is { } problem)
            {
                yield return new ValidationResult(problem, [$"Feeds:{i}:Interval"]);
            }
        }

        for (var i = 0; i < AllowedHosts.Count; i++)
        {
            if (!AddressPolicy.IsValidEntry(AllowedHosts[i]))
            {
                yield return new ValidationResult($"must be a host name, an IP address or a CIDR range, got '{AllowedHosts[i]}'", [$"AllowedHosts:{i}"]);
            }
        }

        if (State.LeaseDuration < TimeSpan.FromSeconds(3) || State.LeaseDuration > TimeSpan.FromHours(1))
        {
            yield return new ValidationResult($"must be between 00:00:03 and 01:00:00, got {State.LeaseDuration}", ["State:LeaseDuration"]);
        }

        if (State.InstanceId is { } instance && (instance.Length is 0 or > 200 || instance.Any(char.IsControl)))
        {
            yield return new ValidationResult("must be 1 to 200 characters without control characters", ["State:InstanceId"]);
        }

        if (State.Provider != FeedStateProvider.Memory && string.IsNullOrWhiteSpace(State.ConnectionString))
        {
            yield return new ValidationResult($"is required when the state provider is {State.Provider}", ["State:ConnectionString"]);
        }
    }
}

public sealed class FeedSourceOptions
{
    public string Url { get; set; } = string.Empty;

    /// <summary>This feed's poll interval; <see cref="FetcherOptions.PollInterval"/> when null.</summary>
    public TimeSpan? Interval { get; set; }

    /// <summary>Whether to fetch the pages this feed's items link to; <see cref="FetcherOptions.FullArticle"/> (<c>Auto</c> by default) when null.</summary>
    public FullArticleMode? FullArticle { get; set; }
}

public enum FeedStateProvider
{
    /// <summary>An in-process SQLite database: lost on restart (the default only so that a bare start works).</summary>
    Memory,
    Sqlite,
    Postgres,
}

/// <summary>The <c>Fetcher:State</c> section.</summary>
public sealed class FeedStateOptions
{
    public FeedStateProvider Provider { get; set; } = FeedStateProvider.Memory;

    public string? ConnectionString { get; set; }

    /// <summary>
    /// How long a feed claim lasts unless renewed. A live replica renews its leases every third of this while it
    /// polls, so a replica that dies holds its feeds for at most this long.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Names this replica in its leases; the host name when null. Stable across restarts, so a restarted replica
    /// takes back at once the feeds it held when it died. Replicas sharing a host need distinct ids.
    /// </summary>
    public string? InstanceId { get; set; }
}
