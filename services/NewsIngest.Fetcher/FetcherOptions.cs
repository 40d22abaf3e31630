using System.ComponentModel.DataAnnotations;

namespace NewsIngest.Fetcher;

/// <summary>The <c>Fetcher</c> section: which sources to read and how often.</summary>
public sealed class FetcherOptions : IValidatableObject
{
    public const string Section = "Fetcher";

    /// <summary>Feeds to poll (RSS, Atom, JSON Feed over http/https).</summary>
    public List<FeedSourceOptions> Feeds { get; set; } = [];

    /// <summary>Folder of plain-text wire articles; null for none.</summary>
    public string? InboxPath { get; set; }

    /// <summary>Move read inbox files to <c>.processed/</c> (or <c>.rejected/</c>); off to read a folder in place.</summary>
    public bool MoveProcessedFiles { get; set; } = true;

    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan InboxScanInterval { get; set; } = TimeSpan.FromSeconds(2);

    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxResponseBytes { get; set; } = 10 * 1024 * 1024;

    [Required]
    public string UserAgent { get; set; } = "NewsIngest/1.0 (+https://github.com/newsingest)";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < Feeds.Count; i++)
        {
            if (!Uri.TryCreate(Feeds[i].Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                yield return new ValidationResult($"must be an absolute http or https URL, got '{Feeds[i].Url}'", [$"Feeds:{i}:Url"]);
            }
        }
    }
}

public sealed class FeedSourceOptions
{
    public string Url { get; set; } = string.Empty;
}
