namespace NewsIngest.Fetcher.Feeds;

internal sealed class AuthorDetail
{
    public string? Name { get; set; }
    public string? Email { get; set; }
    public string? Href { get; set; }

    public bool HasNameOrEmail => !string.IsNullOrEmpty(Name) || !string.IsNullOrEmpty(Email);

    /// <summary>"Name (email)", or whichever of the two is known.</summary>
    public string? Display() => (string.IsNullOrEmpty(Name), string.IsNullOrEmpty(Email)) switch
    {
        (false, false) => $"{Name} ({Email})",
        (false, true) => Name,
        (true, false) => Email,
        _ => null,
    };
}
