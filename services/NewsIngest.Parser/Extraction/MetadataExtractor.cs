namespace NewsIngest.Parser.Extraction;

/// <summary>
/// Picks each metadata field from the best evidence on the page, in this order: JSON-LD, OpenGraph/article meta,
/// Twitter cards, other named meta tags, microdata, <c>&lt;time&gt;</c> elements and bylines, then the URL itself.
/// </summary>
internal static partial class MetadataExtractor
{
    private static readonly string[] AuthorMetas =
        ["dc:creator", "dcterm:creator", "dcterms:creator", "dc.creator", "dcterms.creator", "author", "article:author", "og:article:author", "parsely-author", "sailthru.author", "byl", "citation_author"];

    /// <summary>Title metas, Dublin Core first: a page that sets it means it as the document's title.</summary>
    private static readonly string[] TitleMetas =
        ["dc:title", "dcterm:title", "dcterms:title", "dc.title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "sailthru.title"];
    private static readonly string[] PublishedMetas =
    [
        "article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "publish-date",
        "publish_date", "date", "dc.date", "dc.date.issued", "dcterms.created", "dcterms.issued", "sailthru.date",
        "parsely-pub-date", "article.published", "citation_publication_date", "originalpublicationdate",
    ];

    private static readonly string[] ModifiedMetas = ["article:modified_time", "og:updated_time", "datemodified", "last-modified", "dcterms.modified", "article.updated"];

    public static ArticleMetadata Extract(HtmlDocument doc, Uri? url, HtmlNode? heading)
    {
        var meta = MetaTags(doc);
        var ld = JsonLdReader.Read(doc.JsonLd, doc.Title);
        var micro = Microdata(doc);
        var result = new ArticleMetadata();

        result.SiteName = First(meta, "og:site_name") ?? ld?.SiteName ?? First(meta, "application-name") ?? micro.SiteName;
        var siteNames = new List<string>();
        if (result.SiteName is not null)
        {
            siteNames.Add(result.SiteName);
        }

        if (url is { IsAbsoluteUri: true })
        {
            var host = url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
            siteNames.Add(host);
            siteNames.Add(host.Split('.')[0]);
        }

        var headingText = heading?.InnerText();
        var rawTitle = ld?.Title ?? TitleMetas.Select(k => First(meta, k)).FirstOrDefault(t => t is not null) ?? micro.Title;
        result.Title = rawTitle is not null
            ? TitleCleaner.Clean(rawTitle, siteNames, headingText, guess: false)
            : TitleCleaner.Clean(doc.Title, siteNames, headingText, guess: true) ?? headingText;

        AddAuthors(result.Authors, ld?.Authors);
        if (result.Authors.Count == 0)
        {
            // By priority: the first kind of author meta that names someone is the byline.
            foreach (var name in AuthorMetas)
            {
                AddAuthors(result.Authors, All(meta, name).Where(a => !LooksLikeUrl(a)));
                if (result.Authors.Count > 0)
                {
                    break;
                }
            }
        }

        if (result.Authors.Count == 0)
        {
            AddAuthors(result.Authors, micro.Authors);
        }

        if (result.Authors.Count == 0)
        {
            AddAuthors(result.Authors, Bylines(doc));
        }


        result.Published = ld?.Published ?? FirstDate(meta, PublishedMetas) ?? micro.Published ?? TimeElement(doc) ?? DateParsing.FromUrl(url);
        result.Modified = ld?.Modified ?? FirstDate(meta, ModifiedMetas) ?? micro.Modified;

        var canonical = doc.Links.FirstOrDefault(l => HasToken(l.Attr("rel"), "canonical"))?.Attr("href");
        result.Url = Absolute(canonical ?? First(meta, "og:url") ?? ld?.Url, url) ?? (url?.IsAbsoluteUri == true ? url.AbsoluteUri : null);

        result.Description = First(meta, "og:description") ?? First(meta, "description") ?? First(meta, "twitter:description") ?? ld?.Description ?? micro.Description;
        var imageSrc = doc.Links.FirstOrDefault(l => HasToken(l.Attr("rel"), "image_src"))?.Attr("href");
        result.Image = Absolute(First(meta, "og:image") ?? First(meta, "og:image:url") ?? First(meta, "twitter:image") ?? First(meta, "twitter:image:src") ?? ld?.Image ?? micro.Image ?? imageSrc, url);

        AddTags(result.Tags, All(meta, "article:tag"));
        if (result.Tags.Count == 0 && ld is not null)
        {
            AddTags(result.Tags, ld.Tags);
        }

        if (result.Tags.Count == 0)
        {
            AddTags(result.Tags, Split(First(meta, "news_keywords") ?? First(meta, "keywords")));
        }

        result.Language = LanguageTag(doc.HtmlLang) ?? LanguageTag(First(meta, "content-language")) ?? LanguageTag(First(meta, "language")) ??
                          LanguageTag(First(meta, "og:locale")) ?? LanguageTag(First(meta, "dc.language")) ?? LanguageTag(ld?.Language);
        result.Body = ld?.Body;
        return result;
    }

    private static Dictionary<string, List<string>> MetaTags(HtmlDocument doc)
    {
        var map = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in doc.Metas)
        {
            var key = m.Attr("property") ?? m.Attr("name") ?? m.Attr("itemprop") ?? m.Attr("http-equiv");
            var content = m.Attr("content");
            if (key is null || content is null)
            {
                continue;
            }

            content = TextNormalizer.Normalize(content);
            if (content.Length == 0)
            {
                continue;
            }

            // "property" may hold several space-separated names (RDFa).
            foreach (var k in key.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!map.TryGetValue(k, out var list))
                {
                    map[k] = list = [];
                }

                list.Add(content);
            }
        }

        return map;
    }

    private static ArticleMetadata Microdata(HtmlDocument doc)
    {
        var result = new ArticleMetadata();
        foreach (var e in doc.Elements)
        {
            var prop = e.Attr("itemprop");
            if (prop is null)
            {
                continue;
            }

            foreach (var p in prop.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                switch (p)
                {
                    case "headline":
                        result.Title ??= ValueOf(e);
                        break;
                    case "author" or "creator":
                        var nameNode = e.Attr("itemscope") is not null
                            ? e.Descendants().FirstOrDefault(d => d.Attr("itemprop") == "name")
                            : null;
                        if ((nameNode is not null ? ValueOf(nameNode) : ValueOf(e)) is { Length: > 0 and < 80 } name)
                        {
                            result.Authors.Add(name);
                        }

                        break;
                    case "datePublished" or "dateCreated":
                        result.Published ??= DateParsing.Parse(ValueOf(e));
                        break;
                    case "dateModified":
                        result.Modified ??= DateParsing.Parse(ValueOf(e));
                        break;
                    case "description":
                        result.Description ??= ValueOf(e);
                        break;
                    case "image":
                        result.Image ??= e.Attr("src") ?? e.Attr("href") ?? e.Attr("content");
                        break;
                    default:
                        break;
                }
            }
        }

        return result;
    }

    private static string? ValueOf(HtmlNode e)
    {
        var value = e.Attr("content") ?? e.Attr("datetime") ?? (e.Tag == "meta" ? null : e.InnerText());
        return string.IsNullOrWhiteSpace(value) ? null : TextNormalizer.Normalize(value);
    }

    private static DateTimeOffset? TimeElement(HtmlDocument doc)
    {
        DateTimeOffset? first = null;
        foreach (var e in doc.Elements)
        {
            if (e.Tag != "time")
            {
                continue;
            }

            var date = DateParsing.Parse(e.Attr("datetime")) ?? DateParsing.Parse(e.InnerText());
            if (date is null)
            {
                continue;
            }

            if (e.Attr("pubdate") is not null || (e.Attr("class") ?? string.Empty).Contains("publish", StringComparison.OrdinalIgnoreCase))
            {
                return date;
            }

            first ??= date;
        }

        return first;
    }

    private static IEnumerable<string> Bylines(HtmlDocument doc)
    {
        foreach (var e in doc.Elements)
        {
            if (HasToken(e.Attr("rel"), "author") && e.InnerText() is { Length: > 0 and < 60 } linked)
            {
                yield return linked;
                yield break;
            }
        }

        // The first element marked as the byline (class, id or itemprop) outside navigation and footers.
        foreach (var e in doc.Elements)
        {
            if (!IsBylineElement(e) || InNavigation(e))
            {
                continue;
            }

            var text = e.InnerText();
            if (text.Length is > 2 and < 100 && text.Any(char.IsLetter))
            {
                yield return text;
                yield break;
            }
        }
    }

    private static bool IsBylineElement(HtmlNode e)
    {
        if (e.Tag is "meta" or "link" or "img" or "script" or "a" && e.Attr("itemprop") is null)
        {
            return false;
        }

        var itemprop = e.Attr("itemprop");
        if (itemprop is not null && itemprop.Split(' ').Contains("author"))
        {
            return true;
        }

        var hint = $"{e.Attr("class")} {e.Attr("id")}".ToLowerInvariant();
        return (hint.Contains("byline", StringComparison.Ordinal) || hint.Contains("author", StringComparison.Ordinal) ||
                hint.Contains("writtenby", StringComparison.Ordinal)) &&
               !NotABylineHint().IsMatch(hint);
    }

    private static bool InNavigation(HtmlNode e)
    {
        var depth = 0;
        for (var a = e.Parent; a is not null && depth < 64; a = a.Parent, depth++)
        {
            if (a.Tag is "nav" or "footer" or "aside" or "menu" || BoilerplateHints.HasNonContentRole(a) || BoilerplateHints.IsHidden(a))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddAuthors(List<string> authors, IEnumerable<string>? names)
    {
        if (names is null)
        {
            return;
        }

        foreach (var raw in names)
        {
            var name = LeadingBy().Replace(TextNormalizer.Normalize(raw), string.Empty);
            var role = RoleAfterName().Match(name);
            if (role.Success && role.Index > 0)
            {
                name = name[..role.Index];
            }

            name = name.Trim().TrimEnd('•', '|', '-', '–', '—', '·', ',', ':', ' ');

            foreach (var group in name.Split([" and ", " & ", ";", " | ", " / "], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                // "Name, Title" and "Name, MS, RDN": a part after a comma counts only when it reads as another name.
                var parts = group.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
                for (var i = 0; i < parts.Length; i++)
                {
                    var part = WithoutTrailingRole(WithoutTrailingDate(parts[i])).TrimEnd('•', '|', '-', '–', '—', '·', ':', ' ');
                    if (part.Length is < 2 or > 80 || LooksLikeUrl(part) || part.Split(' ').Length > 6 || part.Any(char.IsDigit) ||
                        (i > 0 && !LooksLikeName(part)))
                    {
                        continue;
                    }

                    if (!authors.Contains(part, StringComparer.OrdinalIgnoreCase))
                    {
                        authors.Add(part);
                    }
                }
            }
        }
    }

    private static readonly string[] Weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

    private static readonly string[] Months =
    [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    ];

    private static readonly string[] RoleWords =
    [
        "writer", "editor", "reporter", "correspondent", "staff", "contributor", "columnist", "business", "news", "press",
        "associated", "bureau", "desk", "team", .. Weekdays,
    ];

    /// <summary>"Jane Doe Monday" (a byline run into its dateline) becomes "Jane Doe".</summary>
    private static string WithoutTrailingDate(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        while (words.Count > 1 && (Weekdays.Contains(words[^1].ToLowerInvariant()) || Months.Contains(words[^1].TrimEnd('.').ToLowerInvariant()) || words[^1].Any(char.IsDigit)))
        {
            words.RemoveAt(words.Count - 1);
        }

        return string.Join(' ', words);
    }

    /// <summary>"Jane Doe Games Editor" (a byline run into the writer's role) becomes "Jane Doe".</summary>
    private static string WithoutTrailingRole(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = 2; i < words.Length; i++)
        {
            if (RoleWords.Contains(words[i].ToLowerInvariant()))
            {
                return string.Join(' ', words.Take(i - 1 >= 2 ? i - 1 : i));
            }
        }

        return part;
    }

    private static bool LooksLikeName(string part)
    {
        var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 4 || words.Any(w => RoleWords.Contains(w.ToLowerInvariant())))
        {
            return false;
        }

        // A bare credential (MS, RDN, PhD) is not a name.
        return !(words.Length == 1 && part.Length <= 4);
    }

    [System.Text.RegularExpressions.GeneratedRegex("avatar|img|image|photo|picture|bio|follow|about|desc|more|other|related|list|link|url|social|email|twitter")]
    private static partial System.Text.RegularExpressions.Regex NotABylineHint();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\W*(by|par|von|por|door|di|av|written by|posted by|words by|story by)\s+", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LeadingBy();

    /// <summary>Where a byline turns from the name to other credits or a date line.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s(edited by|photos? by|photographs by|illustrations? by|updated|published|posted)\b", System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex RoleAfterName();

    private static void AddTags(List<string> tags, IEnumerable<string> values)
    {
        foreach (var v in values)
        {
            var tag = TextNormalizer.Normalize(v);
            if (tag.Length is > 0 and <= 100 && tags.Count < 50 && !tags.Contains(tag, StringComparer.OrdinalIgnoreCase))
            {
                tags.Add(tag);
            }
        }
    }

    private static string[] Split(string? list) =>
        list?.Split([',', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries) ?? [];

    private static string? LanguageTag(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var tag = value.Split(',')[0].Trim().Replace('_', '-');
        return tag.Length is >= 2 and <= 20 && tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-') ? tag : null;
    }

    private static string? First(Dictionary<string, List<string>> meta, string key) =>
        meta.TryGetValue(key, out var list) ? list[0] : null;

    private static List<string> All(Dictionary<string, List<string>> meta, string key) =>
        meta.TryGetValue(key, out var list) ? list : [];

    private static DateTimeOffset? FirstDate(Dictionary<string, List<string>> meta, string[] keys)
    {
        foreach (var key in keys)
        {
            if (DateParsing.Parse(First(meta, key)) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    private static bool HasToken(string? list, string token) =>
        list is not null && list.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(token, StringComparer.OrdinalIgnoreCase);

    private static bool LooksLikeUrl(string s) =>
        s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("//", StringComparison.Ordinal);

    private static string? Absolute(string? href, Uri? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(href))
        {
            return null;
        }

        href = href.Trim();
        if (Uri.TryCreate(href, UriKind.Absolute, out var abs) && abs.Scheme is "http" or "https")
        {
            return abs.AbsoluteUri;
        }

        if (baseUrl is { IsAbsoluteUri: true } && Uri.TryCreate(baseUrl, href, out var rel) && rel.Scheme is "http" or "https")
        {
            return rel.AbsoluteUri;
        }

        return href.StartsWith('/') ? null : href;
    }
}
