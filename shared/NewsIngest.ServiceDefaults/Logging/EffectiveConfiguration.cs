using System.Data.Common;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace NewsIngest.ServiceDefaults;

/// <summary>
/// The settings a service runs with, flattened (<c>Section:Key</c> → value), for its start-up line: only our own
/// sections, secrets (passwords, keys, tokens, and passwords inside connection strings or URIs) redacted.
/// </summary>
public static partial class EffectiveConfiguration
{
    public const string Redacted = "***";

    private static readonly string[] Sections = ["Messaging", "RabbitMqTransport", "Fetcher", "Store", "Enrichment", "Logs", "Health", "OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_PROTOCOL"];

    public static IReadOnlyDictionary<string, string> Of(IConfiguration configuration)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var section in Sections)
        {
            var root = configuration.GetSection(section);
            if (root.Value is { } single)
            {
                settings[section] = Redact(section, single);
            }

            foreach (var (key, value) in root.AsEnumerable(makePathsRelative: false))
            {
                if (value is not null)
                {
                    settings[key] = Redact(key, value);
                }
            }
        }

        // A plain Dictionary (in key order), which Serilog writes as a JSON object.
        return new Dictionary<string, string>(settings, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The value as it may be logged: hidden when the key names a secret, with embedded passwords hidden otherwise.</summary>
    public static string Redact(string key, string value)
    {
        if (SecretKey().IsMatch(key))
        {
            return Redacted;
        }

        if (value.Contains("://", StringComparison.Ordinal))
        {
            return UriPassword().Replace(value, "://$1:" + Redacted + "@");
        }

        if (value.Contains('=', StringComparison.Ordinal) && value.Contains(';', StringComparison.Ordinal) || ConnectionPassword().IsMatch(value))
        {
            return RedactConnectionString(value);
        }

        return value;
    }

    private static string RedactConnectionString(string value)
    {
        try
        {
            var builder = new DbConnectionStringBuilder { ConnectionString = value };
            foreach (var key in builder.Keys.Cast<string>().Where(k => SecretKey().IsMatch(k)).ToList())
            {
                builder[key] = Redacted;
            }

            return builder.ConnectionString;
        }
        catch (ArgumentException)
        {
            return ConnectionPassword().Replace(value, "$1=" + Redacted);
        }
    }

    [GeneratedRegex(@"(pass|password|pwd|secret|token|apikey|api_key|(^|[:_])key$)", RegexOptions.IgnoreCase)]
    private static partial Regex SecretKey();

    [GeneratedRegex(@"://([^:/@]+):[^@/]*@")]
    private static partial Regex UriPassword();

    [GeneratedRegex(@"\b(password|pwd)\s*=[^;]*", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();
}
