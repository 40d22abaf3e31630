using System.Collections.Frozen;
using System.Net;

namespace NewsIngest.Text.Html;

/// <summary>
/// A forgiving, single-pass HTML tokenizer: text, start tags with attributes, end tags and raw-text content
/// (script, style, title…); comments, CDATA, processing instructions and declarations are skipped. Every character
/// is looked at a bounded number of times (a tag that never closes runs to the end of the input, once), so the
/// time of any input is linear in its length. At most <see cref="MaxAttributes"/> attributes per tag are kept.
/// </summary>
public sealed class HtmlTokenizer
{
    public const int MaxAttributes = 64;

    /// <summary>Elements whose content is not markup.</summary>
    private static readonly FrozenSet<string> RawTextElements = new[]
    {
        "script", "style", "textarea", "title", "noscript", "iframe", "noembed", "noframes", "xmp", "svg", "math", "template",
    }.ToFrozenSet();

    private readonly string _html;
    private readonly Func<string, string> _decode;
    private readonly Func<string, bool> _isRawText;
    private readonly bool _reportDeclarations;
    private string? _pendingRawText;
    private int _pos;

    /// <param name="html">The markup.</param>
    /// <param name="decodeAttribute">Decodes an attribute value that holds a '&amp;' (default: <see cref="WebUtility.HtmlDecode(string)"/>).</param>
    /// <param name="isRawText">Which elements hold raw text (default: <see cref="IsRawText"/>, as browsers read a page).</param>
    /// <param name="reportDeclarations">Report a '&lt;!' that opens no comment or complete document type as a
    /// <see cref="HtmlTokenKind.Declaration"/> instead of skipping it to the next '&gt;'.</param>
    public HtmlTokenizer(string html, Func<string, string>? decodeAttribute = null, Func<string, bool>? isRawText = null, bool reportDeclarations = false)
    {
        _reportDeclarations = reportDeclarations;
        ArgumentNullException.ThrowIfNull(html);
        _html = html;
        _decode = decodeAttribute ?? DefaultDecode;
        _isRawText = isRawText ?? IsRawText;
    }

    public HtmlTokenKind Kind { get; private set; }

    /// <summary>The lower-case tag name of a start or end tag (one shared instance for known tags).</summary>
    public string Name { get; private set; } = string.Empty;

    /// <summary>The attributes of a start tag, names lower-case, values decoded; empty otherwise.</summary>
    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    public bool SelfClosing { get; private set; }

    /// <summary>False for a tag cut off by the end of the input (no '&gt;').</summary>
    public bool Closed { get; private set; }

    /// <summary>The text of a text, raw-text or '&lt;' token.</summary>
    public ReadOnlySpan<char> Span => _html.AsSpan(SpanStart, SpanEnd - SpanStart);

    public int SpanStart { get; private set; }

    public int SpanEnd { get; private set; }

    public static bool IsRawText(string tag) => RawTextElements.Contains(tag);

    /// <summary>True after a start tag whose raw-text content is the next token.</summary>
    public bool RawTextFollows => _pendingRawText is not null;

    /// <summary>Moves to the next token; false at the end of the input.</summary>
    public bool Next()
    {
        if (_pendingRawText is { } rawTag)
        {
            _pendingRawText = null;
            var end = FindRawEnd(_pos, rawTag);
            SetSpan(HtmlTokenKind.RawText, _pos, end);
            _pos = end >= _html.Length ? _html.Length : SkipPast(end + 2, '>');
            return true;
        }

        while (_pos < _html.Length)
        {
            var lt = _html.IndexOf('<', _pos);
            if (lt < 0)
            {
                SetSpan(HtmlTokenKind.Text, _pos, _html.Length);
                _pos = _html.Length;
                return true;
            }

            if (lt > _pos)
            {
                SetSpan(HtmlTokenKind.Text, _pos, lt);
                _pos = lt;
                return true;
            }

            if (lt + 1 >= _html.Length)
            {
                SetSpan(HtmlTokenKind.LessThan, lt, lt + 1);
                _pos = _html.Length;
                return true;
            }

            var next = _html[lt + 1];
            if (next == '!')
            {
                if (string.CompareOrdinal(_html, lt, "<!--", 0, 4) == 0)
                {
                    var end = _html.IndexOf("-->", lt + 4, StringComparison.Ordinal);
                    _pos = end < 0 ? _html.Length : end + 3;
                    SetSpan(HtmlTokenKind.Comment, lt, _pos);
                    return true;
                }

                if (_reportDeclarations && ReportDeclaration(lt))
                {
                    return true;
                }

                _pos = SkipMarkupDeclaration(lt);
            }
            else if (next == '?')
            {
                _pos = SkipPast(lt + 2, '>');
            }
            else if (next == '/')
            {
                if (ReadEndTag(lt))
                {
                    return true;
                }
            }
            else if (char.IsAsciiLetter(next))
            {
                ReadStartTag(lt);
                return true;
            }
            else
            {
                SetSpan(HtmlTokenKind.LessThan, lt, lt + 1);
                _pos = lt + 1;
                return true;
            }
        }

        return false;
    }

    /// <summary>Decodes character references in text or an attribute value.</summary>
    public static string Decode(ReadOnlySpan<char> value) =>
        value.Contains('&') ? WebUtility.HtmlDecode(value.ToString()) : value.ToString();

    private static string DefaultDecode(string value) => WebUtility.HtmlDecode(value);

    private string DecodeAttribute(ReadOnlySpan<char> value) => value.Contains('&') ? _decode(value.ToString()) : value.ToString();

    private void SetSpan(HtmlTokenKind kind, int start, int end)
    {
        Kind = kind;
        SpanStart = start;
        SpanEnd = end;
    }

    /// <returns>True when a declaration token was set: a document type cut off by the end of the input (to the end),
    /// or a '&lt;!' that opens nothing (just the '&lt;'; the rest is read as what it is).</returns>
    private bool ReportDeclaration(int lt)
    {
        if (string.Compare(_html, lt + 2, "DOCTYPE", 0, 7, StringComparison.OrdinalIgnoreCase) == 0)
        {
            if (_html.IndexOf('>', lt) >= 0)
            {
                return false;
            }

            SetSpan(HtmlTokenKind.Declaration, lt, _html.Length);
            _pos = _html.Length;
            return true;
        }

        if (string.CompareOrdinal(_html, lt, "<![CDATA[", 0, 9) == 0)
        {
            return false;
        }

        SetSpan(HtmlTokenKind.Declaration, lt, lt + 1);
        _pos = lt + 1;
        return true;
    }

    private int SkipMarkupDeclaration(int lt)
    {
        if (string.CompareOrdinal(_html, lt, "<![CDATA[", 0, 9) == 0)
        {
            var end = _html.IndexOf("]]>", lt + 9, StringComparison.Ordinal);
            return end < 0 ? _html.Length : end + 3;
        }

        return SkipPast(lt + 2, '>');
    }

    private int SkipPast(int from, char c)
    {
        var end = _html.IndexOf(c, Math.Min(from, _html.Length));
        return end < 0 ? _html.Length : end + 1;
    }

    /// <returns>False for '&lt;/&gt;' and other end tags without a name, which are skipped.</returns>
    private bool ReadEndTag(int lt)
    {
        var nameStart = lt + 2;
        var i = nameStart;
        while (i < _html.Length && IsNameChar(_html[i]))
        {
            i++;
        }

        _pos = SkipPast(i, '>');
        Closed = _pos > 0 && _html[_pos - 1] == '>';
        if (i == nameStart)
        {
            return false;
        }

        Kind = HtmlTokenKind.EndTag;
        Name = HtmlNames.Intern(_html.AsSpan(nameStart, i - nameStart));
        Attributes.Clear();
        SelfClosing = false;
        return true;
    }

    private void ReadStartTag(int lt)
    {
        var html = _html;
        var nameStart = lt + 1;
        var i = nameStart;
        while (i < html.Length && IsNameChar(html[i]))
        {
            i++;
        }

        Kind = HtmlTokenKind.StartTag;
        Name = HtmlNames.Intern(html.AsSpan(nameStart, i - nameStart));
        Attributes.Clear();
        SelfClosing = false;

        while (i < html.Length)
        {
            while (i < html.Length && (char.IsWhiteSpace(html[i]) || html[i] == '/'))
            {
                if (html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>')
                {
                    SelfClosing = true;
                }

                i++;
            }

            if (i >= html.Length || html[i] == '>')
            {
                break;
            }

            var attrStart = i;
            while (i < html.Length && html[i] != '=' && html[i] != '>' && !char.IsWhiteSpace(html[i]) &&
                   !(html[i] == '/' && i + 1 < html.Length && html[i + 1] == '>'))
            {
                i++;
            }

            if (i == attrStart)
            {
                i++;
                continue;
            }

            var keep = Attributes.Count < MaxAttributes;
            var name = keep ? HtmlNames.Intern(html.AsSpan(attrStart, i - attrStart)) : string.Empty;
            while (i < html.Length && char.IsWhiteSpace(html[i]))
            {
                i++;
            }

            var value = string.Empty;
            if (i < html.Length && html[i] == '=')
            {
                i++;
                while (i < html.Length && char.IsWhiteSpace(html[i]))
                {
                    i++;
                }

                int start;
                if (i < html.Length && html[i] is '"' or '\'')
                {
                    var end = html.IndexOf(html[i], i + 1);
                    if (end < 0)
                    {
                        end = html.Length;
                    }

                    start = i + 1;
                    value = keep ? DecodeAttribute(html.AsSpan(start, end - start)) : string.Empty;
                    i = Math.Min(html.Length, end + 1);
                }
                else
                {
                    start = i;
                    while (i < html.Length && html[i] != '>' && !char.IsWhiteSpace(html[i]))
                    {
                        i++;
                    }

                    value = keep ? DecodeAttribute(html.AsSpan(start, i - start)) : string.Empty;
                }
            }

            if (keep)
            {
                Attributes.Add(new KeyValuePair<string, string>(name, value));
            }
        }

        Closed = i < html.Length;
        _pos = Math.Min(html.Length, i + 1);
        if (_isRawText(Name) && !(SelfClosing && Name is "svg" or "math" or "script" or "iframe"))
        {
            _pendingRawText = Name;
        }
    }

    private int FindRawEnd(int from, string tag)
    {
        var i = from;
        while (true)
        {
            var idx = _html.IndexOf("</", i, StringComparison.Ordinal);
            if (idx < 0)
            {
                return _html.Length;
            }

            var nameStart = idx + 2;
            if (nameStart + tag.Length <= _html.Length &&
                _html.AsSpan(nameStart, tag.Length).Equals(tag, StringComparison.OrdinalIgnoreCase) &&
                (nameStart + tag.Length == _html.Length || !IsNameChar(_html[nameStart + tag.Length])))
            {
                return idx;
            }

            i = idx + 2;
        }
    }

    private static bool IsNameChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or ':' or '.';
}
