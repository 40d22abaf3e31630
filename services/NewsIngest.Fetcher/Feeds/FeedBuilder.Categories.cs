namespace NewsIngest.Fetcher.Feeds;

/// <summary>Categories and tags, enclosures and Media RSS objects.</summary>
internal sealed partial class FeedBuilder
{
    private void StartCategory(Dictionary<string, string> a)
    {
        Context().AddTag(a.GetValueOrDefault("term"), a.GetValueOrDefault("scheme") ?? a.GetValueOrDefault("domain"), a.GetValueOrDefault("label"));
        Push("category", true);
    }

    private void EndCategory()
    {
        var value = Pop("category");
        if (string.IsNullOrEmpty(value))
        {
            return;
        }

        var tags = Context().Tags;
        if (tags.Count > 0 && string.IsNullOrEmpty(tags[^1].Term))
        {
            tags[^1] = (value, tags[^1].Scheme, tags[^1].Label);
        }
        else
        {
            Context().AddTag(value, null, null);
        }
    }

    private void StartEnclosure(Dictionary<string, string> a)
    {
        var url = a.GetValueOrDefault("url") ?? a.GetValueOrDefault("href") ?? a.GetValueOrDefault("uri");
        if (!string.IsNullOrWhiteSpace(url))
        {
            Context().Enclosures.Add(new FeedEnclosure
            {
                Url = UriResolver.Resolve(_baseUri, url.Trim()),
                MediaType = a.GetValueOrDefault("type"),
                Length = ParseLong(a.GetValueOrDefault("length")),
            });
        }
    }

    private void AddMedia(Dictionary<string, string> a, bool thumbnail)
    {
        var url = a.GetValueOrDefault("url");
        if (string.IsNullOrWhiteSpace(url))
        {
            return;
        }

        Context().Media.Add(new FeedMedia
        {
            Url = UriResolver.Resolve(_baseUri, url.Trim()),
            MediaType = a.GetValueOrDefault("type"),
            Medium = a.GetValueOrDefault("medium"),
            Width = (int?)ParseLong(a.GetValueOrDefault("width")),
            Height = (int?)ParseLong(a.GetValueOrDefault("height")),
            FileSize = ParseLong(a.GetValueOrDefault("filesize")),
            IsThumbnail = thumbnail,
        });
    }
}
