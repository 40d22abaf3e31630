using System.Text;
using System.Text.RegularExpressions;

namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Turns element events of an RSS, RDF or Atom document into feed and entry fields. The mapping follows the
/// long-standing conventions of Python's feedparser: which element feeds which field, which one wins on conflict,
/// how content types, base64, xml:base and author lines are treated. Element keys arrive as
/// "local" for the core vocabularies and "prefix_local" for extensions (dc_creator, content_encoded, media_content).
/// </summary>
internal sealed partial class FeedBuilder
{
    private const string XhtmlType = "application/xhtml+xml";

    private static readonly HashSet<string> RelativeUriElements =
        ["comments", "docs", "href", "icon", "id", "link", "logo", "url", "wfw_comment", "wfw_commentrss"];

    private static readonly HashSet<string> MarkupElements =
        ["content", "copyright", "description", "info", "rights", "subtitle", "summary", "tagline", "title"];

    private readonly FeedContext _feed = new();
    private readonly List<FeedContext> _entries = [];
    private readonly List<Frame> _stack = [];
    private readonly Stack<Frame> _framePool = new();
    private readonly List<string?> _baseStack = [];
    private readonly List<string?> _langStack = [];
    private FeedContext? _image;
    private FeedContext? _textInput;
    private FeedContext _source = new();
    private ContentParams? _content;
    private string? _baseUri;
    private string? _lang;
    private string? _summaryKey;
    private bool _inFeed, _inEntry, _inImage, _inTextInput, _inAuthor, _inContributor, _inPublisher, _inSource;
    private bool _hasContent, _guidIsLink, _isEntryLink;
    private int _inContent;
    private int _titleDepth = -1;
    private int _depth;
    private int _markupDepth;

    public FeedBuilder(string? baseUri) => _baseUri = baseUri;

    public string Version { get; private set; } = "";

    public FeedContext Feed => _feed;

    public IReadOnlyList<FeedContext> Entries => _entries;

    public FeedContext? Image => _image;

    /// <summary>Notes a namespace declaration; the first core namespace seen fixes the version.</summary>
    public void TrackNamespace(string? prefix, string uri)
    {
        if (Version.Length > 0)
        {
            return;
        }

        if (prefix is null && uri.Equals(FeedNamespaces.Rss090, StringComparison.OrdinalIgnoreCase))
        {
            Version = "rss090";
        }
        else if (uri.Equals(FeedNamespaces.Rss10, StringComparison.OrdinalIgnoreCase))
        {
            Version = "rss10";
        }
        else if (uri.Equals(FeedNamespaces.Atom10, StringComparison.OrdinalIgnoreCase))
        {
            Version = "atom10";
        }
    }

    /// <param name="key">Dispatch key: local name, or canonical prefix + "_" + local name (lower case).</param>
    /// <param name="localName">Local name as written, for re-serialising inline XHTML.</param>
    /// <param name="attributes">Attributes with lower-case names; known namespaces as "xml:base", "rdf:about".</param>
    public void Start(string key, string localName, Dictionary<string, string> attributes)
    {
        _depth++;
        var declaredBase = attributes.GetValueOrDefault("xml:base");
        _baseUri = declaredBase is null ? _baseUri : UriResolver.Resolve(_baseUri, declaredBase);
        var lang = attributes.GetValueOrDefault("xml:lang");
        lang = lang is null ? _lang : lang.Length == 0 ? null : lang;
        if (lang is not null && key is "feed" or "rss" or "rdf_rdf")
        {
            _feed.Values["language"] = lang.Replace('_', '-');
        }

        _lang = lang;
        _baseStack.Add(_baseUri);
        _langStack.Add(lang);

        if (_inContent > 0 && _content is not null)
        {
            if (!_content.Type.EndsWith("xml", StringComparison.Ordinal))
            {
                if (key is "div" or "xhtml_div")
                {
                    return; // escaped markup wrapped in a div (TypePad): keep the div out of the text
                }

                _content.Type = XhtmlType; // declared as text or escaped HTML, but it is inline markup
            }

            if (_content.Type == XhtmlType)
            {
                _markupDepth++;
                AppendText(SerializeStartTag(localName, attributes));
                return;
            }
        }

        if (!key.Contains('_', StringComparison.Ordinal))
        {
            if (key is not ("title" or "link" or "description" or "name"))
            {
                _inTextInput = false;
            }

            if (key is not ("title" or "link" or "description" or "url" or "href" or "width" or "height"))
            {
                _inImage = false;
            }
        }

        StartElement(key, attributes);
    }

    public void End(string key, string localName)
    {
        if (_markupDepth > 0)
        {
            _markupDepth--;
            AppendText("</" + localName + ">");
        }
        else
        {
            EndElement(key);
        }

        if (_baseStack.Count > 0)
        {
            _baseStack.RemoveAt(_baseStack.Count - 1);
            if (_baseStack.Count > 0 && _baseStack[^1] is not null)
            {
                _baseUri = _baseStack[^1];
            }
        }

        if (_langStack.Count > 0)
        {
            _langStack.RemoveAt(_langStack.Count - 1);
            if (_langStack.Count > 0)
            {
                _lang = _langStack[^1];
            }
        }

        _depth--;
    }

    /// <summary>False when text here would be thrown away (between elements of an item, outside any field).</summary>
    public bool AcceptsText => _stack.Count > 0 && _stack[^1].Collects;

    public void Text(string text) => AppendText(_content?.Type == XhtmlType ? HtmlText.Escape(text) : text);

    private void AppendText(string text)
    {
        if (_stack.Count > 0)
        {
            _stack[^1].Pieces.Add(text);
        }
    }

    private void StartElement(string key, Dictionary<string, string> a)
    {
        switch (key)
        {
            case "rss":
                StartRss(a);
                break;
            case "channel":
                _inFeed = true;
                break;
            case "feed":
                _inFeed = true;
                if (Version.Length == 0)
                {
                    Version = a.GetValueOrDefault("version") switch
                    {
                        "0.1" => "atom01",
                        "0.2" => "atom02",
                        "0.3" => "atom03",
                        _ => "atom",
                    };
                }

                break;
            case "image":
                if (!_inEntry)
                {
                    _image ??= new FeedContext();
                }

                _inImage = true;
                _titleDepth = -1;
                Push("image", false, collects: false);
                break;
            case "textinput":
                _textInput ??= new FeedContext();
                _inTextInput = true;
                _titleDepth = -1;
                Push("textinput", false, collects: false);
                break;
            case "author" or "managingeditor" or "dc_author" or "dc_creator" or "itunes_author":
                _inAuthor = true;
                Push("author", true);
                Context().Authors.Add(new AuthorDetail());
                break;
            case "contributor":
                _inContributor = true;
                Push("contributor", false, collects: false);
                break;
            case "dc_contributor":
                _inContributor = true;
                Push("name", false);
                break;
            case "name" or "itunes_name":
                Push("name", false);
                break;
            case "email" or "itunes_email":
                Push("email", false);
                break;
            case "url" or "homepage" or "uri":
                Push("href", true);
                break;
            case "width" or "height":
                Push(key, false);
                break;
            case "subtitle" or "tagline" or "itunes_subtitle":
                PushContent("subtitle", a, "text/plain", true);
                break;
            case "rights" or "copyright" or "dc_rights":
                PushContent("rights", a, "text/plain", true);
                break;
            case "item" or "entry":
                StartItem(a);
                break;
            case "language" or "dc_language":
                Push("language", true);
                break;
            case "webmaster" or "dc_publisher":
                Push("publisher", true);
                break;
            case "itunes_owner":
                _inPublisher = true;
                Push("publisher", false, collects: false);
                break;
            case "published" or "issued" or "pubdate" or "dcterms_issued":
                Push("published", true);
                break;
            case "updated" or "modified" or "lastbuilddate" or "dc_date" or "dcterms_modified":
                Push("updated", true);
                break;
            case "created" or "dcterms_created":
                Push("created", true);
                break;
            case "category" or "keywords" or "dc_subject":
                StartCategory(a);
                break;
            case "media_category":
                a.TryAdd("scheme", "http://search.yahoo.com/mrss/category_schema");
                StartCategory(a);
                break;
            case "itunes_category":
                Context().AddTag(a.GetValueOrDefault("text"), "http://www.itunes.com/", null);
                Push("category", true);
                break;
            case "tags" or "itunes_keywords" or "media_keywords":
                Push(key, true);
                break;
            case "link":
                StartLink(a);
                break;
            case "guid" or "id":
                _guidIsLink = string.Equals(a.GetValueOrDefault("ispermalink", "true"), "true", StringComparison.OrdinalIgnoreCase);
                Push("id", true);
                break;
            case "title" or "dc_title" or "media_title":
                PushContent("title", a, "text/plain", _inFeed || _inEntry || _inSource);
                break;
            case "description" or "dc_description" or "media_description":
                StartDescription(a);
                break;
            case "abstract":
                PushContent("description", a, "text/plain", _inFeed || _inEntry || _inSource);
                break;
            case "info" or "feedburner_browserfriendly":
                PushContent("info", a, "text/plain", true);
                break;
            case "summary" or "itunes_summary":
                StartSummary(a);
                break;
            case "enclosure":
                StartEnclosure(a);
                break;
            case "source":
                _inSource = true;
                _titleDepth = -1;
                Push("source", true);
                break;
            case "content":
                StartContent(a);
                break;
            case "body" or "xhtml_body":
                PushContent("content", a, XhtmlType, true);
                break;
            case "content_encoded" or "fullitem":
                _hasContent = true;
                PushContent("content", a, "text/html", true);
                break;
            case "media_content" or "media_thumbnail":
                AddMedia(a, key == "media_thumbnail");
                break;
            case "media_group":
                break;
            default:
                if (a.Count == 0)
                {
                    Push(key, true);
                }

                break;
        }
    }

    private void EndElement(string key)
    {
        switch (key)
        {
            case "channel" or "feed":
                _inFeed = false;
                break;
            case "image":
                Pop("image");
                _inImage = false;
                break;
            case "textinput":
                Pop("textinput");
                _inTextInput = false;
                break;
            case "author" or "managingeditor" or "dc_author" or "dc_creator" or "itunes_author":
                Pop("author");
                _inAuthor = false;
                SyncAuthor(Context());
                break;
            case "contributor":
                Pop("contributor");
                _inContributor = false;
                break;
            case "dc_contributor":
                Pop("name");
                _inContributor = false;
                break;
            case "name" or "itunes_name":
                EndName();
                break;
            case "email" or "itunes_email":
                var email = Pop("email");
                if (_inAuthor && !_inPublisher)
                {
                    SaveAuthor(AuthorField.Email, email);
                }

                break;
            case "url" or "homepage" or "uri":
                var href = Pop("href");
                if (_inAuthor)
                {
                    SaveAuthor(AuthorField.Href, href);
                }

                break;
            case "width" or "height":
                Pop(key);
                break;
            case "subtitle" or "tagline" or "itunes_subtitle":
                PopContent("subtitle");
                break;
            case "rights" or "copyright" or "dc_rights":
                PopContent("rights");
                break;
            case "item" or "entry":
                Pop("item");
                _inEntry = false;
                _hasContent = false;
                break;
            case "language" or "dc_language":
                _lang = Pop("language");
                break;
            case "webmaster" or "dc_publisher":
                Pop("publisher");
                break;
            case "itunes_owner":
                Pop("publisher");
                _inPublisher = false;
                break;
            case "published" or "issued" or "pubdate" or "dcterms_issued":
                Context().Published = FeedDateParser.Parse(Pop("published"));
                break;
            case "updated" or "modified" or "lastbuilddate" or "dc_date" or "dcterms_modified":
                Context().Updated = FeedDateParser.Parse(Pop("updated"));
                break;
            case "created" or "dcterms_created":
                Context().Created = FeedDateParser.Parse(Pop("created"));
                break;
            case "category" or "keywords" or "dc_subject" or "media_category" or "itunes_category":
                EndCategory();
                break;
            case "tags" or "itunes_keywords" or "media_keywords":
                var list = Pop(key);
                foreach (var term in (list ?? "").Split(','))
                {
                    Context().AddTag(term.Trim(), key == "itunes_keywords" ? "http://www.itunes.com/" : null, null);
                }

                break;
            case "link":
                Pop("link");
                _isEntryLink = false;
                break;
            case "guid" or "id":
                EndGuid();
                break;
            case "title" or "dc_title":
                if (!string.IsNullOrEmpty(PopContent("title")))
                {
                    _titleDepth = _depth;
                }

                break;
            case "media_title":
                PopContent("title");
                break;
            case "description" or "dc_description" or "media_description" or "abstract":
                EndSummaryLike("description");
                break;
            case "info" or "feedburner_browserfriendly":
                PopContent("info");
                break;
            case "summary" or "itunes_summary":
                EndSummaryLike(_summaryKey ?? "summary");
                break;
            case "source":
                _inSource = false;
                Pop("source");
                _source = new FeedContext();
                break;
            case "content" or "body" or "xhtml_body" or "content_encoded" or "fullitem":
                EndContent();
                break;
            default:
                Pop(key);
                break;
        }
    }

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

    private void StartDescription(Dictionary<string, string> a)
    {
        if (Context().Values.ContainsKey("summary") && !_hasContent)
        {
            _summaryKey = "content";
            StartContent(a);
        }
        else
        {
            PushContent("description", a, "text/html", _inFeed || _inEntry || _inSource);
        }
    }

    private void StartSummary(Dictionary<string, string> a)
    {
        if (Context().Values.ContainsKey("summary") && !_hasContent)
        {
            _summaryKey = "content";
            StartContent(a);
        }
        else
        {
            _summaryKey = "summary";
            PushContent("summary", a, "text/plain", true);
        }
    }

    private void EndSummaryLike(string key)
    {
        if (_summaryKey == "content")
        {
            EndContent();
        }
        else
        {
            PopContent(key == "description" ? "description" : key);
        }

        _summaryKey = null;
    }

    private void StartContent(Dictionary<string, string> a)
    {
        _hasContent = true;
        PushContent("content", a, "text/plain", true);
    }

    private void EndContent()
    {
        var copyToSummary = _content is not null && MapContentType(_content.Type) is "text/plain" or "text/html" or XhtmlType;
        var value = PopContent("content");
        if (copyToSummary && value is not null)
        {
            Context().Values.TryAdd("summary", value);
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

    private void EndName()
    {
        var value = Pop("name");
        if (_inPublisher || _inContributor)
        {
            return;
        }

        if (_inAuthor)
        {
            SaveAuthor(AuthorField.Name, value);
        }
        else if (_inTextInput && value is not null)
        {
            Context().Values["name"] = value;
        }
    }

    /// <summary>
    /// Records a name, email or URI of the author being read, both on that author and on the context's author
    /// detail, which gathers fields across authors (a later author's field replaces an earlier one's).
    /// </summary>
    private void SaveAuthor(AuthorField field, string? value)
    {
        var context = Context();
        if (context.Authors.Count == 0)
        {
            context.Authors.Add(new AuthorDetail());
        }

        context.Author ??= new AuthorDetail();
        SyncAuthor(context); // as feedparser does: an earlier author line can seed this author's missing fields
        foreach (var target in (ReadOnlySpan<AuthorDetail>)[context.Authors[^1], context.Author])
        {
            switch (field)
            {
                case AuthorField.Name:
                    target.Name = value;
                    break;
                case AuthorField.Email:
                    target.Email = value;
                    break;
                default:
                    target.Href = value;
                    break;
            }
        }
    }

    /// <summary>Derives the author line from name/email, or name and email from a free-text author line.</summary>
    private static void SyncAuthor(FeedContext context)
    {
        var detail = context.Authors.Count > 0 ? context.Authors[^1] : new AuthorDetail();
        if (detail.HasNameOrEmail)
        {
            context.Values["author"] = detail.Display()!;
            return;
        }

        var author = context.Get("author");
        if (author is null)
        {
            return;
        }

        string? email = null;
        var match = EmailPattern().Match(author);
        if (match.Success)
        {
            email = match.Value;
            author = author.Replace(email, "", StringComparison.Ordinal)
                .Replace("()", "", StringComparison.Ordinal)
                .Replace("<>", "", StringComparison.Ordinal)
                .Replace("&lt;&gt;", "", StringComparison.Ordinal)
                .Trim();
            if (author.StartsWith('('))
            {
                author = author[1..];
            }

            if (author.EndsWith(')'))
            {
                author = author[..^1];
            }

            author = author.Trim();
        }

        if (author.Length > 0)
        {
            detail.Name = author;
        }

        if (email is not null)
        {
            detail.Email = email;
        }

        if (detail.HasNameOrEmail)
        {
            context.Author ??= detail;
        }
    }

    private FeedContext Context()
    {
        if (_inSource)
        {
            return _source;
        }

        if (_inImage && _image is not null)
        {
            return _image;
        }

        if (_inTextInput && _textInput is not null)
        {
            return _textInput;
        }

        if (_inEntry && _entries.Count > 0)
        {
            return _entries[^1];
        }

        return _feed;
    }

    private void Push(string element, bool expectingText, bool collects = true)
    {
        if (_stack.Count >= FeedLimits.MaxDepth)
        {
            throw new FeedFormatException($"The feed nests elements deeper than {FeedLimits.MaxDepth} levels.");
        }

        var frame = _framePool.Count > 0 ? _framePool.Pop() : new Frame();
        frame.Element = element;
        frame.ExpectingText = expectingText;
        frame.Collects = collects;
        _stack.Add(frame);
    }

    private void PushContent(string element, Dictionary<string, string> a, string defaultType, bool expectingText)
    {
        _inContent++;
        _lang = _lang?.Replace('_', '-');
        var type = MapContentType(a.GetValueOrDefault("type") ?? defaultType);
        _content = new ContentParams(type) { Base64 = IsBase64(a.GetValueOrDefault("mode"), type) };
        Push(element, expectingText);
    }

    private string? PopContent(string element)
    {
        var value = Pop(element);
        _inContent = Math.Max(0, _inContent - 1);
        _content = null;
        return value;
    }

    private string? Pop(string element)
    {
        if (_stack.Count == 0 || _stack[^1].Element != element)
        {
            return null;
        }

        var frame = _stack[^1];
        _stack.RemoveAt(_stack.Count - 1);
        var pieces = frame.Pieces;
        if (Version == "atom10" && _content?.Type == XhtmlType)
        {
            StripEnclosingDiv(pieces);
        }

        var output = Join(pieces).Trim();
        if (output.Length > FeedLimits.MaxItemHtmlChars)
        {
            output = output[..FeedLimits.MaxItemHtmlChars]; // the per-item work budget: the rest of a runaway text is cut off
        }

        var expectingText = frame.ExpectingText;
        pieces.Clear();
        _framePool.Push(frame);
        if (!expectingText)
        {
            return output;
        }

        if (_content?.Base64 == true)
        {
            output = DecodeBase64(output);
        }

        if (RelativeUriElements.Contains(element) && output.Length > 0 && (element != "id" || _guidIsLink))
        {
            output = UriResolver.Resolve(_baseUri, output);
        }

        if (!Version.StartsWith("atom", StringComparison.Ordinal) && _content?.Type == "text/plain" && HtmlText.LooksLikeHtml(output))
        {
            _content.Type = "text/html";
        }

        var type = _content?.Type ?? "text/html";
        if (type is "text/html" or XhtmlType && MarkupElements.Contains(element))
        {
            output = HtmlFragment.Clean(output, _baseUri);
        }

        output = Cp1252.Translate(output);
        if (element is "category" or "tags" or "itunes_keywords" or "media_keywords")
        {
            return output;
        }

        if (element == "title" && _titleDepth > -1 && _titleDepth <= _depth)
        {
            return output;
        }

        Store(element, output);
        return output;
    }

    private void Store(string element, string output)
    {
        if (_inEntry && !_inSource && _entries.Count > 0)
        {
            var entry = _entries[^1];
            if (element == "content")
            {
                entry.Contents.Add(output);
            }
            else if (element == "link")
            {
                if (!_inImage && _isEntryLink)
                {
                    entry.Values["link"] = output.Replace("&amp;", "&", StringComparison.Ordinal);
                }
            }
            else
            {
                entry.SetAtDepth(element == "description" ? "summary" : element, output, _depth);
            }
        }
        else if (_inFeed || _inSource)
        {
            var context = Context();
            if (element == "link" && !_isEntryLink)
            {
                return;
            }

            context.Values[element == "description" ? "subtitle" : element] = output;
        }
    }

    private static void StripEnclosingDiv(List<string> pieces)
    {
        while (pieces.Count > 1 && string.IsNullOrWhiteSpace(pieces[^1]))
        {
            pieces.RemoveAt(pieces.Count - 1);
        }

        while (pieces.Count > 1 && string.IsNullOrWhiteSpace(pieces[0]))
        {
            pieces.RemoveAt(0);
        }

        if (pieces.Count < 2 || !(pieces[0] == "<div>" || pieces[0].StartsWith("<div ", StringComparison.Ordinal)) || pieces[^1] != "</div>")
        {
            return;
        }

        var depth = 0;
        for (var i = 0; i < pieces.Count - 1; i++)
        {
            var piece = pieces[i];
            if (piece.StartsWith("</", StringComparison.Ordinal))
            {
                depth--;
                if (depth == 0)
                {
                    return; // the first div closes before the end: it does not enclose everything
                }
            }
            else if (piece.StartsWith('<') && !piece.EndsWith("/>", StringComparison.Ordinal))
            {
                depth++;
            }
        }

        pieces.RemoveAt(pieces.Count - 1);
        pieces.RemoveAt(0);
    }

    private static string Join(List<string> pieces) => pieces.Count switch
    {
        0 => "",
        1 => pieces[0],
        _ => string.Concat(pieces),
    };

    private static string DecodeBase64(string text)
    {
        var buffer = new byte[text.Length];
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                clean.Append(c);
            }
        }

        if (!Convert.TryFromBase64String(clean.ToString(), buffer, out var written))
        {
            return text;
        }

        try
        {
            return new UTF8Encoding(false, true).GetString(buffer, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return text;
        }
    }

    private static bool IsBase64(string? mode, string type)
    {
        if (mode == "base64")
        {
            return true;
        }

        return !(type.StartsWith("text/", StringComparison.Ordinal) || type.EndsWith("+xml", StringComparison.Ordinal) || type.EndsWith("/xml", StringComparison.Ordinal));
    }

    internal static string MapContentType(string type)
    {
        var lower = type.Trim().ToLowerInvariant();
        return lower switch
        {
            "text" or "plain" => "text/plain",
            "html" => "text/html",
            "xhtml" => XhtmlType,
            _ => lower,
        };
    }

    private static long? ParseLong(string? text) =>
        long.TryParse(text?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string SerializeStartTag(string localName, Dictionary<string, string> attributes)
    {
        if (attributes.Count == 0)
        {
            return "<" + localName + ">";
        }

        var sb = new StringBuilder("<").Append(localName);
        foreach (var (name, value) in attributes)
        {
            sb.Append(' ').Append(name).Append("=\"").Append(HtmlText.EscapeAttribute(value)).Append('"');
        }

        return sb.Append('>').ToString();
    }

    [GeneratedRegex(@"(([a-zA-Z0-9_.+-]+)@((\[[0-9]{1,3}\.[0-9]{1,3}\.[0-9]{1,3}\.)|(([a-zA-Z0-9-]+\.)+))([a-zA-Z]{2,}|[0-9]{1,3})(\]?))(\?subject=\S+)?")]
    private static partial Regex EmailPattern();

    private enum AuthorField
    {
        Name,
        Email,
        Href,
    }

    private sealed class Frame
    {
        public string Element { get; set; } = "";
        public bool ExpectingText { get; set; }
        public bool Collects { get; set; }
        public List<string> Pieces { get; } = [];
    }

    private sealed class ContentParams(string type)
    {
        public string Type { get; set; } = type;
        public bool Base64 { get; init; }
    }
}
