namespace NewsIngest.Fetcher.Feeds;

/// <summary>
/// Resolves relative references against a base (xml:base or the feed's address), leaving absolute ones as written.
/// A base that is itself relative ("/root/") still combines with a reference ("page" gives "/root/page").
/// </summary>
internal static class UriResolver
{
    private static readonly Uri Placeholder = new("http://relative.invalid/");

    [ThreadStatic]
    private static (string Text, Uri Parsed)? t_lastBase;

    public static string Resolve(string? baseUri, string reference)
    {
        if (string.IsNullOrEmpty(baseUri) || HasScheme(reference))
        {
            return reference;
        }

        if (!HasScheme(baseUri))
        {
            return ResolveAgainstRelativeBase(baseUri, reference);
        }

        Uri? baseValue;
        if (t_lastBase is { } last && ReferenceEquals(last.Text, baseUri))
        {
            baseValue = last.Parsed;
        }
        else if (Uri.TryCreate(baseUri, UriKind.Absolute, out baseValue))
        {
            t_lastBase = (baseUri, baseValue);
        }

        if (baseValue is null || !IsSafeScheme(baseValue.Scheme))
        {
            return reference;
        }

        return Uri.TryCreate(baseValue, reference, out var resolved) ? resolved.AbsoluteUri : reference;
    }

    /// <summary>True when the reference starts with "scheme:" (http:, tag:, urn:, mailto: ...).</summary>
    public static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !char.IsAsciiLetter(reference[0]))
        {
            return false;
        }

        for (var i = 1; i < colon; i++)
        {
            var c = reference[i];
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return true;
    }

    public static bool IsSafeScheme(string scheme) => scheme is not ("javascript" or "vbscript" or "data");

    private static string ResolveAgainstRelativeBase(string baseUri, string reference)
    {
        if (!Uri.TryCreate(Placeholder, baseUri, out var combinedBase) || !Uri.TryCreate(combinedBase, reference, out var resolved)
            || resolved.Host != Placeholder.Host)
        {
            return reference;
        }

        var path = resolved.PathAndQuery + resolved.Fragment;
        return baseUri.StartsWith('/') || reference.StartsWith('/') ? path : path.TrimStart('/');
    }
}
