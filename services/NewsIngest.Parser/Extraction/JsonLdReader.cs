using System.Text.Json;

namespace NewsIngest.Parser.Extraction;

/// <summary>Reads article metadata from JSON-LD blocks: <c>NewsArticle</c>, <c>Article</c> and kin, at the top level,
/// in arrays or inside <c>@graph</c>, resolving <c>@id</c> references to people and organisations.</summary>
internal static class JsonLdReader
{
    private const int MaxNodes = 20_000;

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    /// <param name="blocks">The page's JSON-LD scripts.</param>
    /// <param name="pageTitle">The page's &lt;title&gt;, to choose between a headline and a name that differ.</param>
    public static ArticleMetadata? Read(IReadOnlyList<string> blocks, string? pageTitle = null)
    {
        var objects = new List<JsonElement>();
        var documents = new List<JsonDocument>();
        try
        {
            foreach (var block in blocks)
            {
                var json = block.Trim();
                if (json.StartsWith("<!--", StringComparison.Ordinal))
                {
                    json = json[4..].TrimEnd('-', '>', ' ', '\n', '\r', '\t');
                }

                json = WithoutCData(json);

                try
                {
                    var doc = JsonDocument.Parse(json, Options);
                    documents.Add(doc);
                    Collect(doc.RootElement, objects);
                }
                catch (Exception e) when (e is JsonException or ArgumentException)
                {
                    // A broken block (bad JSON, or text that is not valid UTF-16) is common on real pages; the other
                    // sources still apply.
                }
            }

            return FromObjects(objects, pageTitle);
        }
        finally
        {
            foreach (var doc in documents)
            {
                doc.Dispose();
            }
        }
    }

    /// <summary>Pages (and XHTML serialisers) wrap script content in <c>&lt;![CDATA[ … ]]&gt;</c>, often behind <c>//</c>.</summary>
    private static string WithoutCData(string json)
    {
        var start = json.StartsWith("//", StringComparison.Ordinal) ? json.AsSpan(2).TrimStart() : json.AsSpan();
        if (!start.StartsWith("<![CDATA[", StringComparison.Ordinal))
        {
            return json;
        }

        var inner = start[9..].TrimEnd();
        if (inner.EndsWith("]]>", StringComparison.Ordinal))
        {
            inner = inner[..^3].TrimEnd();
            if (inner.EndsWith("//", StringComparison.Ordinal))
            {
                inner = inner[..^2];
            }
        }

        return inner.ToString();
    }

    private static void Collect(JsonElement root, List<JsonElement> objects)
    {
        var stack = new Stack<JsonElement>();
        stack.Push(root);
        var visited = 0;
        while (stack.Count > 0 && visited++ < MaxNodes)
        {
            var e = stack.Pop();
            if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    stack.Push(item);
                }
            }
            else if (e.ValueKind == JsonValueKind.Object)
            {
                objects.Add(e);
                if (e.TryGetProperty("@graph", out var graph))
                {
                    stack.Push(graph);
                }

                foreach (var name in (ReadOnlySpan<string>)["mainEntity", "mainEntityOfPage", "itemListElement"])
                {
                    if (e.TryGetProperty(name, out var inner) && inner.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        stack.Push(inner);
                    }
                }
            }
        }
    }

    private static ArticleMetadata? FromObjects(List<JsonElement> objects, string? pageTitle)
    {
        var byId = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var o in objects)
        {
            if (Str(o, "@id") is { } id)
            {
                byId.TryAdd(id, o);
            }
        }

        JsonElement? best = null;
        var bestRank = 0;
        foreach (var o in objects)
        {
            var rank = Rank(o);
            if (rank > bestRank)
            {
                best = o;
                bestRank = rank;
            }
        }

        if (best is not { } article)
        {
            return null;
        }

        var meta = new ArticleMetadata
        {
            Title = TitleOf(article, pageTitle),
            Published = DateParsing.Parse(Str(article, "datePublished") ?? Str(article, "dateCreated")),
            Modified = DateParsing.Parse(Str(article, "dateModified")),
            Description = Str(article, "description"),
            Language = Str(article, "inLanguage"),
            Body = RawStr(article, "articleBody"),
        };

        meta.Url = Str(article, "url") ?? UrlOf(article, "mainEntityOfPage");
        meta.Image = ImageOf(article, byId);
        if (article.TryGetProperty("publisher", out var publisher))
        {
            meta.SiteName = NameOf(Resolve(publisher, byId));
        }

        if (article.TryGetProperty("author", out var author))
        {
            AddNames(author, byId, meta.Authors);
        }
        else if (article.TryGetProperty("creator", out var creator))
        {
            AddNames(creator, byId, meta.Authors);
        }

        if (article.TryGetProperty("keywords", out var keywords))
        {
            AddKeywords(keywords, meta.Tags);
        }

        return meta;
    }

    /// <summary>The headline, unless the object also has a different name that shares more words with the page's
    /// &lt;title&gt;: some sites put a category ("list article") in the headline.</summary>
    private static string? TitleOf(JsonElement article, string? pageTitle)
    {
        var headline = Str(article, "headline");
        var name = Str(article, "name");
        if (headline is null || name is null || headline == name || pageTitle is null)
        {
            return headline ?? name;
        }

        var words = Words(pageTitle);
        return Words(name).Count(words.Contains) > Words(headline).Count(words.Contains) ? name : headline;
    }

    private static HashSet<string> Words(string s) =>
        s.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    private static int Rank(JsonElement o)
    {
        var best = 0;
        foreach (var type in Types(o))
        {
            var rank = type switch
            {
                "NewsArticle" or "ReportageNewsArticle" or "AnalysisNewsArticle" or "OpinionNewsArticle" or
                    "BackgroundNewsArticle" or "ReviewNewsArticle" or "LiveBlogPosting" => 4,
                "Article" or "BlogPosting" or "TechArticle" or "ScholarlyArticle" or "Report" or "SatiricalArticle" => 3,
                "Posting" or "SocialMediaPosting" or "Review" or "Recipe" => 2,
                _ => 0,
            };
            best = Math.Max(best, rank);
        }

        return best;
    }

    private static IEnumerable<string> Types(JsonElement o)
    {
        if (!o.TryGetProperty("@type", out var type))
        {
            yield break;
        }

        if (type.ValueKind == JsonValueKind.String)
        {
            yield return StripVocabulary(type.GetString()!);
        }
        else if (type.ValueKind == JsonValueKind.Array)
        {
            foreach (var t in type.EnumerateArray())
            {
                if (t.ValueKind == JsonValueKind.String)
                {
                    yield return StripVocabulary(t.GetString()!);
                }
            }
        }
    }

    private static string StripVocabulary(string type)
    {
        var slash = type.LastIndexOf('/');
        return slash >= 0 ? type[(slash + 1)..] : type;
    }

    private static JsonElement Resolve(JsonElement e, Dictionary<string, JsonElement> byId)
    {
        if (e.ValueKind == JsonValueKind.Array && e.GetArrayLength() > 0)
        {
            e = e[0];
        }

        if (e.ValueKind == JsonValueKind.Object && Str(e, "@id") is { } id && byId.TryGetValue(id, out var target) &&
            !target.Equals(e) && (Str(e, "name") is null))
        {
            return target;
        }

        return e;
    }

    private static void AddNames(JsonElement e, Dictionary<string, JsonElement> byId, List<string> names)
    {
        var items = e.ValueKind == JsonValueKind.Array ? e.EnumerateArray().ToList() : [e];
        foreach (var item in items.Take(20))
        {
            var resolved = Resolve(item, byId);
            var name = resolved.ValueKind == JsonValueKind.String ? resolved.GetString() : NameOf(resolved);
            if (!string.IsNullOrWhiteSpace(name))
            {
                names.Add(name);
            }
        }
    }

    private static string? NameOf(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Object => Str(e, "name") ?? JoinNames(Str(e, "givenName"), Str(e, "familyName")),
        _ => null,
    };

    private static string? JoinNames(string? given, string? family) =>
        given is null && family is null ? null : $"{given} {family}".Trim();

    private static void AddKeywords(JsonElement e, List<string> tags)
    {
        if (e.ValueKind == JsonValueKind.String)
        {
            tags.AddRange(e.GetString()!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var k in e.EnumerateArray())
            {
                if (NameOf(k) is { } name)
                {
                    tags.Add(name.Trim());
                }
            }
        }
    }

    private static string? ImageOf(JsonElement article, Dictionary<string, JsonElement> byId)
    {
        if (!article.TryGetProperty("image", out var image) && !article.TryGetProperty("thumbnailUrl", out image))
        {
            return null;
        }

        image = Resolve(image, byId);
        return image.ValueKind switch
        {
            JsonValueKind.String => image.GetString(),
            JsonValueKind.Object => Str(image, "url") ?? Str(image, "contentUrl"),
            _ => null,
        };
    }

    private static string? UrlOf(JsonElement o, string property)
    {
        if (!o.TryGetProperty(property, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Object => Str(value, "@id") ?? Str(value, "url"),
            _ => null,
        };
    }

    /// <summary>A string property with its line breaks kept (they separate paragraphs of an articleBody).</summary>
    private static string? RawStr(JsonElement o, string property) =>
        o.ValueKind == JsonValueKind.Object && o.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static string? Str(JsonElement o, string property)
    {
        if (o.ValueKind != JsonValueKind.Object || !o.TryGetProperty(property, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() > 0)
        {
            value = value[0];
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var raw = value.GetString()!;
        var s = TextNormalizer.Normalize(raw.Contains('&', StringComparison.Ordinal) ? System.Net.WebUtility.HtmlDecode(raw) : raw);
        return s.Length == 0 ? null : s;
    }
}
