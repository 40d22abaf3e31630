namespace NewsIngest.Fetcher.Articles;

public enum RobotsVerdict
{
    Allowed,
    Disallowed,

    /// <summary>The host's robots.txt could not be read (5xx, network error, refused): nothing is fetched this time.</summary>
    Unavailable,
}
