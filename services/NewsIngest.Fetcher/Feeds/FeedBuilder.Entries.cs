namespace NewsIngest.Fetcher.Feeds;

/// <summary>The document root, items and entries, their links and ids.</summary>
internal sealed partial class FeedBuilder
{
    private void StartRss(Dictionary<string, string> a)
    {
        if (Version.StartsWith("rss", StringComparison.Ordinal))
        {
            return;
        }

        var declared = a.GetValueOrDefault("version", "");
        Version = declared switch
        {
            "0.91" => "rss091",
            "0.92" => "rss092",
            "0.93" => "rss093",
            "0.94" => "rss094",
            _ when declared.StartsWith("2.", StringComparison.Ordinal) => "rss20",
            _ => "rss",
        };
    }

    private void StartItem(Dictionary<string, string> a)
    {
        if (_entries.Count >= FeedLimits.MaxItems)
        {
            throw new FeedFormatException($"The feed has more than {FeedLimits.MaxItems} items.");
        }

        var entry = new FeedContext();
        _entries.Add(entry);
        Push("item", false, collects: false);
        _inEntry = true;
        _guidIsLink = false;
        _titleDepth = -1;
        if (a.TryGetValue("rdf:about", out var about) && about.Length > 0)
        {
            entry.Values["id"] = about;
        }
    }

    private void StartLink(Dictionary<string, string> a)
    {
        var rel = a.GetValueOrDefault("rel", "alternate");
        var type = a.GetValueOrDefault("type") ?? (rel == "self" ? "application/atom+xml" : "text/html");
        var context = Context();
        var href = a.GetValueOrDefault("href") ?? a.GetValueOrDefault("url") ?? a.GetValueOrDefault("uri");
        if (href is not null)
        {
            href = UriResolver.Resolve(_baseUri, href.Trim());
        }

        _isEntryLink = rel == "alternate" && MapContentType(type) is "text/html" or XhtmlType;
        if (href is not null)
        {
            if (_isEntryLink)
            {
                context.Values["link"] = href;
            }
            else if (rel == "self" && !_inEntry)
            {
                context.SelfLink ??= href;
            }
            else if (rel == "enclosure" && href.Length > 0)
            {
                context.Enclosures.Add(new FeedEnclosure { Url = href, MediaType = a.GetValueOrDefault("type"), Length = ParseLong(a.GetValueOrDefault("length")) });
            }
        }
        else
        {
            Push("link", _inFeed || _inEntry || _inSource);
        }
    }

    private void EndGuid()
    {
        var value = Pop("id");
        var context = Context();
        if (_guidIsLink && value is not null && !context.Values.ContainsKey("link"))
        {
            context.Values["link"] = value;
        }
    }
}
