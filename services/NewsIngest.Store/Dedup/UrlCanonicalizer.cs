using System.Text;

namespace NewsIngest.Store.Dedup;

/// <summary>
/// Reduces the many spellings of one article address to one key: scheme and host lower-case, default
/// ports, <c>www.</c>, mobile (<c>m.</c>, <c>mobile.</c>) and AMP (<c>amp.</c>, <c>/amp</c>, <c>?amp</c>,
/// <c>.amp.html</c>) variants, fragments, tracking parameters, a trailing slash and the order of query
/// parameters are all folded away. <c>http</c> and <c>https</c> both map to <c>https</c>, since news sites
/// serve one article on both.
/// </summary>
public static class UrlCanonicalizer
{
    private static readonly string[] TrackingPrefixes = ["utm_", "pk_", "mtm_", "hsa_", "_hs", "vero_", "oly_"];

    private static readonly HashSet<string> TrackingNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "fbclid", "gclid", "gclsrc", "dclid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "ref", "ref_src", "ref_url", "referrer", "cmpid", "ito", "ncid", "ocid", "sr_share", "smid", "smtyp",
        "mbid", "s_cid", "at_medium", "at_campaign", "at_custom1", "outputtype", "amp", "_ga", "_gl", "spm",
        "wt.mc_id",
    };

    private static readonly string[] HostPrefixes = ["www.", "m.", "mobile.", "amp."];

    /// <summary>The canonical form of an absolute http(s) address, or <c>null</c> for anything else (null,
    /// blank, relative, unparseable, or another scheme such as a <c>urn:</c> feed GUID).</summary>
    public static string? Canonicalize(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)
            || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return null;
        }

        var builder = new StringBuilder(url.Length);
        builder.Append("https://").Append(Host(uri.IdnHost));
        if (!uri.IsDefaultPort)
        {
            builder.Append(':').Append(uri.Port);
        }

        builder.Append(Path(uri.AbsolutePath));
        AppendQuery(builder, uri.Query);
        return builder.ToString();
    }

    private static string Host(string host)
    {
        host = host.ToLowerInvariant().TrimEnd('.');
        var stripped = true;
        while (stripped)
        {
            stripped = false;
            foreach (var prefix in HostPrefixes)
            {
                // Keep a label that is the whole registrable name (m.com) rather than strip it to a suffix.
                if (host.StartsWith(prefix, StringComparison.Ordinal) && host.IndexOf('.', prefix.Length) > 0)
                {
                    host = host[prefix.Length..];
                    stripped = true;
                }
            }
        }

        return host;
    }

    private static string Path(string path)
    {
        if (path.EndsWith(".amp.html", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^".amp.html".Length] + ".html";
        }
        else if (path.EndsWith(".amp", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^".amp".Length];
        }

        path = path.TrimEnd('/');
        if (path.EndsWith("/amp", StringComparison.OrdinalIgnoreCase))
        {
            path = path[..^"/amp".Length];
        }
        else if (path.StartsWith("/amp/", StringComparison.OrdinalIgnoreCase))
        {
            path = path["/amp".Length..];
        }

        path = path.TrimEnd('/');
        return path.Length == 0 ? "/" : path;
    }

    private static void AppendQuery(StringBuilder builder, string query)
    {
        if (query.Length <= 1)
        {
            return;
        }

        var kept = new List<string>();
        foreach (var part in query[1..].Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            var name = Uri.UnescapeDataString(equals < 0 ? part : part[..equals]);
            if (!IsTracking(name))
            {
                kept.Add(part);
            }
        }

        if (kept.Count == 0)
        {
            return;
        }

        kept.Sort(StringComparer.Ordinal);
        builder.Append('?').AppendJoin('&', kept);
    }

    private static bool IsTracking(string name)
    {
        if (TrackingNames.Contains(name))
        {
            return true;
        }

        foreach (var prefix in TrackingPrefixes)
        {
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
