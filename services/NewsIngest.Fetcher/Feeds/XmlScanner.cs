namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// A forgiving pull tokenizer for XML feeds. Unlike XmlReader it never gives up on common breakage
/// (undeclared entities, stray '&amp;' or '&lt;', unquoted attributes, unclosed CDATA); nesting is left to the caller.
/// It never processes a DTD: a document type with entity declarations is rejected, and no external resource is read.
/// Comments, processing instructions and the XML declaration are skipped.
/// </summary>
internal sealed class XmlScanner(ReadOnlyMemory<char> text)
{
    private readonly ReadOnlyMemory<char> _text = text;
    private readonly HashSet<string> _names = new(StringComparer.Ordinal);
    private int _pos;

    public XmlTokenKind Kind { get; private set; }

    /// <summary>Qualified name of a start or end tag, as written.</summary>
    public string Name { get; private set; } = "";

    private int _valueStart;
    private int _valueLength;
    private bool _valueIsRaw;

    /// <summary>Decoded text of a text or CDATA token, materialised only when asked for.</summary>
    public string Value => _valueIsRaw
        ? Text.Slice(_valueStart, _valueLength).ToString()
        : EntityDecoder.Decode(Text.Slice(_valueStart, _valueLength));

    public bool IsEmptyElement { get; private set; }

    /// <summary>Attributes of the current start tag (names as written, values decoded); reused between tokens.</summary>
    public List<KeyValuePair<string, string>> Attributes { get; } = [];

    public XmlTokenKind Read()
    {
        while (true)
        {
            if (_pos >= _text.Length)
            {
                return Kind = XmlTokenKind.EndOfInput;
            }

            if (Text[_pos] != '<')
            {
                return ReadText();
            }

            var next = _pos + 1 < _text.Length ? Text[_pos + 1] : '\0';
            if (next == '!')
            {
                if (At(_pos, "<![CDATA["))
                {
                    return ReadCData();
                }

                if (At(_pos, "<!--"))
                {
                    SkipPast("-->", _pos + 4);
                    continue;
                }

                if (Text[_pos..].StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                {
                    SkipDoctype();
                    continue;
                }

                if (At(_pos, "<!ENTITY"))
                {
                    throw new FeedFormatException("Entity declarations are not allowed in a feed (entity expansion or external entity attack).");
                }

                SkipPast(">", _pos + 2);
                continue;
            }

            if (next == '?')
            {
                SkipPast("?>", _pos + 2);
                continue;
            }

            if (next == '/')
            {
                if (_pos + 2 < _text.Length && IsNameStart(Text[_pos + 2]))
                {
                    return ReadEndTag();
                }

                return ReadText();
            }

            if (IsNameStart(next))
            {
                return ReadStartTag();
            }

            return ReadText();
        }
    }

    private XmlTokenKind ReadText()
    {
        // A '<' that starts no markup is text; scan to the next one that might.
        var start = _pos;
        var end = _pos + 1;
        while (true)
        {
            var lt = IndexOf('<', end);
            if (lt < 0)
            {
                end = _text.Length;
                break;
            }

            if (lt + 1 < _text.Length && (IsNameStart(Text[lt + 1]) || Text[lt + 1] is '!' or '?' or '/'))
            {
                end = lt;
                break;
            }

            end = lt + 1;
        }

        _pos = end;
        SetValue(start, end - start, raw: false);
        return Kind = XmlTokenKind.Text;
    }

    private XmlTokenKind ReadCData()
    {
        var start = _pos + 9;
        var end = IndexOf("]]>", start);
        if (end < 0)
        {
            SetValue(start, _text.Length - start, raw: true);
            _pos = _text.Length;
        }
        else
        {
            SetValue(start, end - start, raw: true);
            _pos = end + 3;
        }

        return Kind = XmlTokenKind.CData;
    }

    private XmlTokenKind ReadEndTag()
    {
        var start = _pos + 2;
        var end = ScanName(start);
        Name = Intern(start, end);
        var close = IndexOf('>', end);
        _pos = close < 0 ? _text.Length : close + 1;
        return Kind = XmlTokenKind.EndTag;
    }

    private XmlTokenKind ReadStartTag()
    {
        var start = _pos + 1;
        var end = ScanName(start);
        Name = Intern(start, end);
        Attributes.Clear();
        IsEmptyElement = false;
        var p = end;
        var text = Text;
        while (p < text.Length)
        {
            var c = text[p];
            if (c == '>')
            {
                p++;
                break;
            }

            if (c == '/' && p + 1 < text.Length && text[p + 1] == '>')
            {
                IsEmptyElement = true;
                p += 2;
                break;
            }

            if (c == '<')
            {
                // An unclosed tag: stop here and let the '<' start the next token.
                break;
            }

            if (!IsNameStart(c))
            {
                p++;
                continue;
            }

            p = ReadAttribute(p);
        }

        _pos = p;
        return Kind = XmlTokenKind.StartTag;
    }

    private int ReadAttribute(int p)
    {
        var nameEnd = ScanName(p);
        var name = Intern(p, nameEnd);
        var q = SkipSpace(nameEnd);
        if (q >= _text.Length || Text[q] != '=')
        {
            Attributes.Add(new(name, name));
            return nameEnd;
        }

        q = SkipSpace(q + 1);
        if (q >= _text.Length)
        {
            Attributes.Add(new(name, ""));
            return q;
        }

        var quote = Text[q];
        int valueStart, valueEnd, after;
        if (quote is '"' or '\'')
        {
            // A value runs to its closing quote, unless the quote is missing and markup starts first:
            // then it ends at the tag's '>'.
            valueStart = q + 1;
            valueEnd = IndexOf(quote, valueStart);
            if (valueEnd < 0 || Text.Slice(valueStart, valueEnd - valueStart).Contains('<'))
            {
                var gt = IndexOf('>', valueStart);
                valueEnd = gt < 0 ? _text.Length : gt;
                after = valueEnd;
            }
            else
            {
                after = valueEnd + 1;
            }
        }
        else
        {
            valueStart = q;
            valueEnd = q;
            var text = Text;
            while (valueEnd < text.Length && !char.IsWhiteSpace(text[valueEnd]) && text[valueEnd] != '>')
            {
                valueEnd++;
            }

            after = valueEnd;
        }

        Attributes.Add(new(name, EntityDecoder.Decode(Text.Slice(valueStart, valueEnd - valueStart))));
        return after;
    }

    private void SetValue(int start, int length, bool raw)
    {
        _valueStart = start;
        _valueLength = length;
        _valueIsRaw = raw;
    }

    /// <summary>Returns one shared string per distinct name, so repeated tags cost no allocation.</summary>
    private string Intern(int start, int end)
    {
        var lookup = _names.GetAlternateLookup<ReadOnlySpan<char>>();
        var span = Text.Slice(start, end - start);
        if (lookup.TryGetValue(span, out var existing))
        {
            return existing;
        }

        var name = span.ToString();
        _names.Add(name);
        return name;
    }

    private void SkipDoctype()
    {
        var p = _pos + 9;
        var text = Text;
        while (p < text.Length)
        {
            var c = text[p];
            if (c == '>')
            {
                _pos = p + 1;
                return;
            }

            if (c == '[')
            {
                var close = IndexOf(']', p + 1);
                var subset = close < 0 ? Text[(p + 1)..] : Text.Slice(p + 1, close - p - 1);
                if (subset.Contains("<!ENTITY", StringComparison.OrdinalIgnoreCase))
                {
                    throw new FeedFormatException(
                        "The feed declares entities in its document type; DTD processing is disabled to prevent entity expansion (billion laughs) and external entity (XXE) attacks.");
                }

                p = close < 0 ? _text.Length : close + 1;
                continue;
            }

            if (c is '"' or '\'')
            {
                var closeQuote = IndexOf(c, p + 1);
                p = closeQuote < 0 ? _text.Length : closeQuote + 1;
                continue;
            }

            p++;
        }

        _pos = _text.Length;
    }

    private void SkipPast(string terminator, int from)
    {
        var end = IndexOf(terminator, from);
        _pos = end < 0 ? _text.Length : end + terminator.Length;
    }

    private int ScanName(int p)
    {
        var text = Text;
        while (p < text.Length && IsNameChar(text[p]))
        {
            p++;
        }

        return p;
    }

    private int SkipSpace(int p)
    {
        var text = Text;
        while (p < text.Length && char.IsWhiteSpace(text[p]))
        {
            p++;
        }

        return p;
    }

    private ReadOnlySpan<char> Text => _text.Span;

    private bool At(int p, string literal) => Text[p..].StartsWith(literal, StringComparison.Ordinal);

    private int IndexOf(char c, int from) => Text[from..].IndexOf(c) is var i and >= 0 ? from + i : -1;

    private int IndexOf(string literal, int from) => Text[from..].IndexOf(literal, StringComparison.Ordinal) is var i and >= 0 ? from + i : -1;

    private static bool IsNameStart(char c) => char.IsLetter(c) || c is '_' or ':';

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c is '_' or ':' or '-' or '.';
}
