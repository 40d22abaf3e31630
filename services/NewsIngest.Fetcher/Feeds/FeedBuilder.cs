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

    private static string Join(List<string> pieces) => pieces.Count switch
    {
        0 => "",
        1 => pieces[0],
        _ => string.Concat(pieces),
    };

    private static long? ParseLong(string? text) =>
        long.TryParse(text?.Trim(), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;

    private sealed class Frame
    {
        public string Element { get; set; } = "";
        public bool ExpectingText { get; set; }
        public bool Collects { get; set; }
        public List<string> Pieces { get; } = [];
    }
}
