namespace NewsIngest.Enricher.Enrichment;

/// <summary>
/// The section words of an article's URL path: the folders before the slug, split at hyphens
/// ("/entertainment-arts/business/story/2019-11-19/disney-plus" → entertainment, arts, business, story).
/// </summary>
public static class UrlSections
{
    public static IEnumerable<string> Of(string? url)
    {
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            yield break;
        }

        var folders = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 0; i < folders.Length - 1; i++)
        {
            foreach (var word in folders[i].Split('-', '_', '.'))
            {
                if (word.Length > 1 && !word.All(char.IsDigit))
                {
                    yield return word.ToLowerInvariant();
                }
            }
        }
    }
}
