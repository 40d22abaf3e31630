using System.Globalization;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>Turns what <see cref="FeedBuilder"/> gathered into the public records.</summary>
internal static class FeedDocumentMapper
{
    public static FeedDocument Map(FeedBuilder builder, string format)
    {
        var feed = builder.Feed;
        var items = new List<FeedItem>(builder.Entries.Count);
        foreach (var entry in builder.Entries)
        {
            items.Add(MapItem(entry));
        }

        return new FeedDocument
        {
            Format = format,
            Title = feed.Get("title"),
            Link = feed.Get("link"),
            Subtitle = feed.Get("subtitle"),
            Id = feed.Get("id"),
            Language = feed.Get("language"),
            Author = AuthorOf(feed),
            Published = feed.Published,
            Updated = feed.Updated,
            SelfLink = feed.SelfLink,
            ImageUrl = builder.Image?.Get("href") ?? builder.Image?.Get("url"),
            Ttl = Int(feed.Get("ttl")),
            UpdatePeriod = feed.Get("sy_updateperiod"),
            UpdateFrequency = Int(feed.Get("sy_updatefrequency")),
            Items = items,
        };
    }

    private static FeedItem MapItem(FeedContext entry)
    {
        var categories = new List<string>(entry.Tags.Count);
        foreach (var (term, _, _) in entry.Tags)
        {
            if (!string.IsNullOrWhiteSpace(term) && !categories.Contains(term))
            {
                categories.Add(term);
            }
        }

        return new FeedItem
        {
            Title = entry.Get("title"),
            Link = entry.Get("link"),
            Id = entry.Get("id"),
            Published = entry.Published ?? entry.Created,
            Updated = entry.Updated,
            Author = AuthorOf(entry),
            Summary = entry.Get("summary"),
            Content = entry.Contents.Find(c => c.Length > 0),
            Categories = categories,
            Enclosures = entry.Enclosures,
            Media = entry.Media,
        };
    }

    private static FeedAuthor? AuthorOf(FeedContext context)
    {
        var text = context.Get("author");
        var detail = context.Author;
        if (detail is null)
        {
            return text is null ? null : new FeedAuthor { Name = text, Text = text };
        }

        return new FeedAuthor
        {
            Name = string.IsNullOrEmpty(detail.Name) ? null : detail.Name,
            Email = string.IsNullOrEmpty(detail.Email) ? null : detail.Email,
            Uri = string.IsNullOrEmpty(detail.Href) ? null : detail.Href,
            Text = text ?? detail.Display(),
        };
    }

    private static int? Int(string? text) =>
        int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;
}
