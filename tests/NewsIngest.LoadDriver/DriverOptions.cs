using System.Globalization;

namespace NewsIngest.LoadDriver;

/// <summary>The driver's command line: <c>--articles N --paced N --pace PER_SECOND --seed N --timeout MINUTES …</c>.</summary>
internal sealed record DriverOptions
{
    /// <summary>Articles of the burst phase (all visible at once); also what the embedded mode processes.</summary>
    public int Articles { get; init; } = 2_000;

    /// <summary>
    /// Articles of a second burst right after the first (cold) one: the services' steady state, once the JIT has compiled
    /// what they run; its throughput sets the paced phase's default pace. 0: none.
    /// </summary>
    public int WarmArticles { get; init; } = 1_000;

    /// <summary>Run the ReadyToRun publish of every service (default, as the Dockerfile) or the <c>dotnet build</c> outputs.</summary>
    public bool Published { get; init; } = true;

    /// <summary>Articles of the paced phase, revealed one by one after the burst.</summary>
    public int PacedArticles { get; init; } = 600;

    /// <summary>Articles per second of the paced phase; null: half the burst's measured throughput.</summary>
    public double? Pace { get; init; }

    /// <summary>
    /// With a value: the paced phase lasts this many minutes (its articles follow from the pace) and the driver reads each
    /// process's resident memory at minute 2 and at the last minute (memory flatness); null: <see cref="PacedArticles"/>.
    /// </summary>
    public double? PacedMinutes { get; init; }

    /// <summary>Most articles per second a timed paced phase is generated for, when <see cref="Pace"/> is not given.</summary>
    public const double PaceBound = 80;

    public int Feeds { get; init; } = 20;

    /// <summary>
    /// The fetcher's <c>Fetcher:PollInterval</c> for the run's feeds (<c>--poll-interval</c>): the driver's feeds are its
    /// own, on 127.0.0.1, so it polls them as often as a newsroom's own system would poll its own feeds. The latency from
    /// an item visible to the topic includes up to one interval of waiting for the next poll.
    /// </summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Run the <c>dotnet build</c> outputs of another checkout (<c>--services-from ROOT</c>, e.g. an A/B base); null: this one's.</summary>
    public string? ServicesFrom { get; init; }

    /// <summary>Newest items each feed lists; 0: all visible (default), or with <see cref="PacedMinutes"/> every burst article and at least 100.</summary>
    public int? FeedWindow { get; init; }

    /// <summary>Settings for every service (<c>KEY=VALUE</c>, environment form, e.g. <c>Messaging__QuorumQueues=false</c>).</summary>
    public IReadOnlyDictionary<string, string?> Settings { get; init; } = new Dictionary<string, string?>();

    /// <summary>docker-compose's Erlang VM flags for the broker (<c>RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS</c>): schedulers do not busy-wait.</summary>
    public const string ComposeBrokerArguments = "+sbwt none +sbwtdcpu none +sbwtdio none";

    /// <summary>Extra Erlang VM arguments of the broker node (<c>--broker-args</c>; default docker-compose's); null or empty: none.</summary>
    public string? BrokerErlangArguments { get; init; } = ComposeBrokerArguments;

    /// <summary>Articles generated for the paced phase.</summary>
    public int PacedArticlesGenerated => PacedMinutes is { } minutes ? (int)Math.Ceiling((Pace ?? PaceBound) * 60 * minutes) : PacedArticles;

    /// <summary>Newest items each feed lists in this run.</summary>
    public int EffectiveFeedWindow => FeedWindow ?? (PacedMinutes is null ? 0 : Math.Max(100, (Articles + WarmArticles + Feeds - 1) / Feeds));

    public int Seed { get; init; } = 14;

    public double LongShare { get; init; } = 0.25;

    public double NearDuplicateShare { get; init; } = 0.1;

    public double FullPageShare { get; init; } = 0.1;

    /// <summary>Messages sent through the raw broker's four hops.</summary>
    public int CeilingMessages { get; init; } = 20_000;

    /// <summary>Upper bound of each phase.</summary>
    public TimeSpan PhaseTimeout { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Store replicas competing for its queue (<c>--stores N</c>): whether more of them, on a saturated machine, are slower.
    /// A list (<c>--stores 1,3,3,1</c>): one pipeline run per entry, one after another on the one build, each its own
    /// broker, database and services; the embedded mode and the ceiling run once, after them.
    /// </summary>
    public IReadOnlyList<int> StoreRuns { get; init; } = [1];

    public bool SkipEmbedded { get; init; }

    public bool SkipCeiling { get; init; }

    public const string Usage = """
        dotnet run --project tests/NewsIngest.LoadDriver -c Release -- [options]
          --articles N         burst articles, all visible at once (default 2000); the embedded mode runs the same ones
          --warm N             articles of a second burst after the first, cold one: the steady state (default 1000; 0 for none)
          --build B            published (default: each service published ReadyToRun as the Dockerfile does) or built (bin/Release)
          --paced N            articles of the paced phase after the burst (default 600)
          --paced-minutes M    instead: a paced phase of M minutes, with each process's RSS at minute 2 and minute M
          --pace R             articles/s of the paced phase (default: half the warm burst's throughput, else the burst's, at most 80 with --paced-minutes)
          --feeds N            feeds the articles are spread over (default 20)
          --poll-interval T    the fetcher's Fetcher:PollInterval for them (default 00:00:00.250)
          --services-from DIR  run the bin/Release builds of the checkout in DIR (an A/B base) instead of this one's
          --feed-window N      newest items each feed lists (default: all; with --paced-minutes all burst articles, at least 100)
          --broker-args ARGS   Erlang VM arguments of the broker node (default docker-compose's "+sbwt none +sbwtdcpu none +sbwtdio none"; "" for none)
          --set KEY=VALUE      a setting for every service, environment form (e.g. Messaging__QuorumQueues=false); repeatable
          --seed N             seed of the generated articles (default 14)
          --long F             share of ~800-word articles, the rest ~250 (default 0.25)
          --near-duplicates F  share of near-duplicates of an earlier article (default 0.1)
          --full-pages F       share whose text is on a linked page, a teaser in the feed (default 0.1)
          --ceiling-messages N messages through the raw broker's four hops (default 20000)
          --timeout MINUTES    upper bound of each phase (default 15)
          --stores N[,N...]    store replicas competing for its queue over the one database (default 1); a list: a
                               pipeline run per entry on the one build (e.g. 1,3,3,1), each run of another count
                               set against the nearest run of the first entry's count
          --skip-embedded, --skip-ceiling
        """;

    public static DriverOptions Parse(string[] args)
    {
        var options = new DriverOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            options = args[i] switch
            {
                "--articles" => options with { Articles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--warm" => options with { WarmArticles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--build" => options with { Published = Value() switch { "published" => true, "built" => false, var other => throw new ArgumentException($"--build is published or built, not '{other}'") } },
                "--paced" => options with { PacedArticles = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--pace" => options with { Pace = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--paced-minutes" => options with { PacedMinutes = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--feeds" => options with { Feeds = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--poll-interval" => options with { PollInterval = TimeSpan.Parse(Value(), CultureInfo.InvariantCulture) },
                "--services-from" => options with { ServicesFrom = Path.GetFullPath(Value()), Published = false },
                "--feed-window" => options with { FeedWindow = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--broker-args" => options with { BrokerErlangArguments = Value() is { Length: > 0 } arguments ? arguments : null },
                "--set" => options with { Settings = WithSetting(options.Settings, Value()) },
                "--seed" => options with { Seed = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--long" => options with { LongShare = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--near-duplicates" => options with { NearDuplicateShare = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--full-pages" => options with { FullPageShare = double.Parse(Value(), CultureInfo.InvariantCulture) },
                "--ceiling-messages" => options with { CeilingMessages = int.Parse(Value(), CultureInfo.InvariantCulture) },
                "--timeout" => options with { PhaseTimeout = TimeSpan.FromMinutes(double.Parse(Value(), CultureInfo.InvariantCulture)) },
                "--stores" => options with { StoreRuns = StoreCounts(Value()) },
                "--skip-embedded" => options with { SkipEmbedded = true },
                "--skip-ceiling" => options with { SkipCeiling = true },
                _ => throw new ArgumentException($"unknown argument '{args[i]}'"),
            };
        }

        if (options.Articles < 1 || options.PacedArticles < 0 || options.WarmArticles < 0 || options.Feeds < 1 || options.CeilingMessages < 1 || options.Pace <= 0
            || options.PacedMinutes <= 0 || options.FeedWindow < 0 || options.PollInterval <= TimeSpan.Zero)
        {
            throw new ArgumentException("counts must be positive");
        }

        return options;
    }

    private static int[] StoreCounts(string list)
    {
        var counts = list.Split(',').Select(count => int.Parse(count, CultureInfo.InvariantCulture)).ToArray();
        return counts.All(count => count > 0) ? counts : throw new ArgumentException("--stores needs at least 1 in every run");
    }

    private static Dictionary<string, string?> WithSetting(IReadOnlyDictionary<string, string?> settings, string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        if (equals < 1)
        {
            throw new ArgumentException($"--set needs KEY=VALUE, not '{pair}'");
        }

        return new Dictionary<string, string?>(settings, StringComparer.Ordinal) { [pair[..equals]] = pair[(equals + 1)..] };
    }
}
