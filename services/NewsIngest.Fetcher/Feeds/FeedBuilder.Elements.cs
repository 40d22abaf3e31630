namespace NewsIngest.Fetcher.Feeds;

/// <summary>Which element feeds which field: the dispatch of start and end events over RSS, Atom, Dublin Core, iTunes, Media RSS and the other vocabularies.</summary>
internal sealed partial class FeedBuilder
{
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
}
