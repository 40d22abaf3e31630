using System.Text.Json;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>Reads JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).</summary>
internal static class JsonFeedReader
{
    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 64,
    };

    public static FeedDocument Read(ReadOnlyMemory<char> text, string? baseUri)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Options);
        }
        catch (JsonException ex)
        {
            throw new FeedFormatException("The content is not valid JSON: " + ex.Message, ex);
        }

        using (document)
        {
            var root = document.RootElement;
            var version = root.ValueKind == JsonValueKind.Object ? String(root, "version") : null;
            if (version is null || !version.Contains("jsonfeed.org/version/", StringComparison.OrdinalIgnoreCase))
            {
                throw new FeedFormatException("The JSON document is not a JSON Feed (no \"version\": \"https://jsonfeed.org/version/...\").");
            }

            var feedBase = Link(baseUri, String(root, "home_page_url")) ?? baseUri;
            var items = new List<FeedItem>();
            if (root.TryGetProperty("items", out var array) && array.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in array.EnumerateArray())
                {
                    if (items.Count >= FeedLimits.MaxItems)
                    {
                        throw new FeedFormatException($"The feed has more than {FeedLimits.MaxItems} items.");
                    }

                    if (item.ValueKind == JsonValueKind.Object)
                    {
                        items.Add(ReadItem(item, baseUri));
                    }
                }
            }

            return new FeedDocument
            {
                Format = version.EndsWith("1.1", StringComparison.Ordinal) ? "jsonfeed1.1" : "jsonfeed1.0",
                Title = String(root, "title"),
                Link = Link(baseUri, String(root, "home_page_url")),
                SelfLink = Link(baseUri, String(root, "feed_url")),
                Subtitle = String(root, "description"),
                Language = String(root, "language"),
                Author = Author(root, feedBase),
                ImageUrl = Link(baseUri, String(root, "icon") ?? String(root, "favicon")),
                Items = items,
            };
        }
    }

    private static FeedItem ReadItem(JsonElement item, string? baseUri)
    {
        var html = String(item, "content_html");
        var text = String(item, "content_text");
        var summary = String(item, "summary");
        var categories = new List<string>();
        if (item.TryGetProperty("tags", out var tags) && tags.ValueKind == JsonValueKind.Array)
        {
            foreach (var tag in tags.EnumerateArray())
            {
                if (tag.ValueKind == JsonValueKind.String && tag.GetString() is { Length: > 0 } value && !categories.Contains(value))
                {
                    categories.Add(value);
                }
            }
        }

        var enclosures = new List<FeedEnclosure>();
        if (item.TryGetProperty("attachments", out var attachments) && attachments.ValueKind == JsonValueKind.Array)
        {
            foreach (var attachment in attachments.EnumerateArray())
            {
                if (attachment.ValueKind == JsonValueKind.Object && Link(baseUri, String(attachment, "url")) is { } url)
                {
                    enclosures.Add(new FeedEnclosure { Url = url, MediaType = String(attachment, "mime_type"), Length = Long(attachment, "size_in_bytes") });
                }
            }
        }

        var media = new List<FeedMedia>();
        if (Link(baseUri, String(item, "image")) is { } image)
        {
            media.Add(new FeedMedia { Url = image, Medium = "image" });
        }

        return new FeedItem
        {
            Id = IdOf(item),
            Link = Link(baseUri, String(item, "url")) ?? Link(baseUri, String(item, "external_url")),
            Title = String(item, "title"),
            Content = html is null ? Capped(text) : HtmlFragment.Clean(html, baseUri),
            Summary = Capped(summary) ?? (html is null ? Capped(text) : HtmlFragment.Clean(html, baseUri)),
            Published = FeedDateParser.Parse(String(item, "date_published")),
            Updated = FeedDateParser.Parse(String(item, "date_modified")),
            Author = Author(item, baseUri),
            Categories = categories,
            Enclosures = enclosures,
            Media = media,
        };
    }

    private static string? IdOf(JsonElement item)
    {
        if (!item.TryGetProperty("id", out var id))
        {
            return null;
        }

        return id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
    }

    private static FeedAuthor? Author(JsonElement owner, string? baseUri)
    {
        JsonElement author = default;
        if (owner.TryGetProperty("authors", out var authors) && authors.ValueKind == JsonValueKind.Array && authors.GetArrayLength() > 0)
        {
            author = authors[0];
        }
        else if (owner.TryGetProperty("author", out var single))
        {
            author = single;
        }

        if (author.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var name = String(author, "name");
        var url = Link(baseUri, String(author, "url"));
        string? email = null;
        if (url is not null && url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase))
        {
            email = url[7..];
            url = null;
        }

        if (name is null && url is null && email is null)
        {
            return null;
        }

        return new FeedAuthor { Name = name, Email = email, Uri = url, Text = name is not null && email is not null ? $"{name} ({email})" : name ?? email };
    }

    private static string? String(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { } text && !string.IsNullOrWhiteSpace(text)
            ? text.Trim()
            : null;

    private static long? Long(JsonElement owner, string name) =>
        owner.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : null;

    private static string? Link(string? baseUri, string? reference) => reference is null ? null : UriResolver.Resolve(baseUri, reference);

    /// <summary>Text over the per-item budget (<see cref="FeedLimits.MaxItemHtmlChars"/>) is cut off.</summary>
    private static string? Capped(string? text) => text is { Length: > FeedLimits.MaxItemHtmlChars } ? text[..FeedLimits.MaxItemHtmlChars] : text;
}
