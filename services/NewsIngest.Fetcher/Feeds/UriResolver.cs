namespace NewsIngest.Fetcher.Feeds;

/// <summary>Resolves relative references against a base (xml:base or the feed's address), leaving absolute ones as written.</summary>
internal static class UriResolver
{
    public static string Resolve(string? baseUri, string reference)
    {
        if (string.IsNullOrEmpty(baseUri) || HasScheme(reference))
        {
            return reference;
        }

        if (!Uri.TryCreate(baseUri, UriKind.Absolute, out var baseValue) || !IsSafeScheme(baseValue.Scheme))
        {
            return reference;
        }

        return Uri.TryCreate(baseValue, reference, out var resolved) ? resolved.AbsoluteUri : reference;
    }

    /// <summary>True when the reference starts with "scheme:" (http:, tag:, urn:, mailto: ...).</summary>
    public static bool HasScheme(string reference)
    {
        var colon = reference.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return false;
        }

        if (!char.IsAsciiLetter(reference[0]))
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
}
