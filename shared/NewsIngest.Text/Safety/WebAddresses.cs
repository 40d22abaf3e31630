namespace NewsIngest.Text.Safety;

/// <summary>Every URL field the pipeline writes is an absolute http or https URL without control characters, or null.</summary>
public static class WebAddresses
{
    /// <returns>The URL as given (trimmed), or null for anything else (javascript:, data:, relative, CR/LF…).</returns>
    public static string? HttpOrNull(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return null;
        }

        var trimmed = url.Trim();
        foreach (var c in trimmed)
        {
            if (char.IsControl(c) || c is ' ' or '\u2028' or '\u2029')
            {
                return null;
            }
        }

        return Uri.TryCreate(trimmed, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Length > 0
            ? trimmed
            : null;
    }
}
