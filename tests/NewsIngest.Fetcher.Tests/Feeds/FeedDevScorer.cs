using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using NewsIngest.Fetcher.Feeds;

namespace NewsIngest.Fetcher.Tests.Feeds;

/// <summary>
/// The comparison rules of shared/feed-dev/score.py, in C#: each case names a field of the parser's JSON output
/// (serialised as the CLI does: web defaults, nulls omitted) and the value expected there.
/// </summary>
internal static partial class FeedDevScorer
{
    private static readonly JsonSerializerOptions OutputOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public sealed record Outcome(string File, string Field, string Expected, bool Passed, string Got);

    public static IReadOnlyList<Outcome> Score(string feedDevDirectory)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(feedDevDirectory, "cases.json")));
        var outputs = new Dictionary<string, (JsonNode? Parsed, string? Error)>(StringComparer.Ordinal);
        var outcomes = new List<Outcome>();
        foreach (var testCase in cases.RootElement.EnumerateArray())
        {
            var file = testCase.GetProperty("file").GetString()!;
            var path = Path.GetFullPath(Path.Combine(feedDevDirectory, file));
            if (!outputs.TryGetValue(path, out var output))
            {
                output = Run(path);
                outputs[path] = output;
            }

            var field = testCase.GetProperty("field").GetString()!;
            var expected = testCase.GetProperty("expected").GetString()!;
            var (passed, got) = output.Parsed is null
                ? (false, $"<{output.Error}>")
                : Check(testCase, output.Parsed);
            outcomes.Add(new Outcome(file, field, expected, passed, got));
        }

        return outcomes;
    }

    /// <summary>Parses one file as the CLI would; like score.py, a file that cannot be parsed fails all its cases.</summary>
    private static (JsonNode? Parsed, string? Error) Run(string path)
    {
        try
        {
            var document = FeedParser.Parse(File.ReadAllBytes(path), null, new Uri(path));
            return (JsonNode.Parse(JsonSerializer.Serialize(document, OutputOptions)), null);
        }
        catch (Exception ex)
        {
            return (null, ex.GetType().Name + ": " + ex.Message);
        }
    }

    private static (bool Passed, string Got) Check(JsonElement testCase, JsonNode parsed)
    {
        var field = testCase.GetProperty("field").GetString()!;
        var dot = field.IndexOf('.', StringComparison.Ordinal);
        var root = field[..dot];
        var sub = field[(dot + 1)..];
        JsonObject? obj;
        if (root == "feed")
        {
            obj = parsed as JsonObject;
        }
        else
        {
            var items = parsed is JsonObject o ? (o["items"] ?? o["entries"]) as JsonArray : parsed as JsonArray;
            var index = testCase.TryGetProperty("entry", out var entry) ? entry.GetInt32() : 0;
            obj = items is not null && index < items.Count ? items[index] as JsonObject : null;
        }

        if (obj is null)
        {
            return (false, "<no such feed/item>");
        }

        var expected = testCase.GetProperty("expected").GetString()!;
        if (sub is "published" or "updated")
        {
            return CheckDate(obj, sub, expected);
        }

        if (sub == "category")
        {
            var categories = obj["categories"] ?? obj["tags"] ?? obj["category"];
            var names = categories switch
            {
                JsonArray array => array.Select(c => Norm(AsText(c) ?? "")).ToList(),
                null => [],
                _ => [Norm(AsText(categories) ?? "")],
            };
            return (names.Contains(Norm(expected)), string.Join(" | ", names));
        }

        if (sub.StartsWith("author", StringComparison.Ordinal))
        {
            return CheckAuthor(obj, sub, expected);
        }

        var keys = sub switch
        {
            "subtitle" => new[] { "subtitle", "description" },
            "summary" => ["summary", "description"],
            _ => [sub],
        };
        string? got = null;
        foreach (var key in keys)
        {
            if (obj[key] is { } value)
            {
                got = AsText(value);
                break;
            }
        }

        if (got is null)
        {
            return (false, "<null>");
        }

        if (sub is "link" or "id")
        {
            return (got.Trim() == expected.Trim(), got);
        }

        var expectedText = testCase.TryGetProperty("expected_text", out var et) ? et.GetString() : null;
        var ok = Norm(got) == Norm(expected) || (expectedText is not null && (Norm(got) == expectedText || TagFree(got) == expectedText));
        return (ok, got);
    }

    private static (bool, string) CheckDate(JsonObject obj, string sub, string expected)
    {
        var other = sub == "published" ? "updated" : "published";
        var want = ParseInstant(expected);
        var got = obj[sub] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        if (want is not null && ParseInstant(got) == want)
        {
            return (true, got!);
        }

        var otherValue = obj[other] is JsonValue ov && ov.TryGetValue<string>(out var os) ? os : null;
        if (string.IsNullOrEmpty(got) && want is not null && ParseInstant(otherValue) == want)
        {
            return (true, $"{other}={otherValue}");
        }

        return (false, got ?? "<null>");
    }

    private static (bool, string) CheckAuthor(JsonObject obj, string sub, string expected)
    {
        var part = sub.Contains('.', StringComparison.Ordinal) ? sub[(sub.IndexOf('.', StringComparison.Ordinal) + 1)..] : "";
        var candidates = AuthorsOf(obj["author"] ?? obj["authors"]);
        foreach (var (text, name, email) in candidates)
        {
            if (part == "name" && name is not null && Norm(name) == Norm(expected))
            {
                return (true, name);
            }

            if (part == "email" && email is not null && Norm(email) == Norm(expected))
            {
                return (true, email);
            }

            if (part.Length == 0 && (Norm(text) == Norm(expected) || (!string.IsNullOrEmpty(name) && Norm(name) == Norm(expected))))
            {
                return (true, text);
            }
        }

        return (false, string.Join(" | ", candidates.Select(c => c.Text)));
    }

    private static List<(string Text, string? Name, string? Email)> AuthorsOf(JsonNode? node)
    {
        var result = new List<(string, string?, string?)>();
        switch (node)
        {
            case null:
                break;
            case JsonArray array:
                foreach (var element in array)
                {
                    result.AddRange(AuthorsOf(element));
                }

                break;
            case JsonObject o:
                var name = StringOf(o["name"]);
                var email = StringOf(o["email"]);
                var text = StringOf(o["text"]);
                if (string.IsNullOrEmpty(text))
                {
                    text = !string.IsNullOrEmpty(name) && !string.IsNullOrEmpty(email) ? $"{name} ({email})" : name ?? email ?? "";
                }

                result.Add((text, name, email));
                break;
            default:
                var s = AsText(node) ?? "";
                var m = NameThenParenEmail().Match(s);
                if (!m.Success)
                {
                    m = NameThenAngleEmail().Match(s);
                }

                if (m.Success)
                {
                    result.Add((s, m.Groups[1].Value, m.Groups[2].Value));
                }
                else if (EmailThenName().Match(s) is { Success: true } m2)
                {
                    result.Add((s, m2.Groups[2].Success ? m2.Groups[2].Value : null, m2.Groups[1].Value));
                }
                else
                {
                    result.Add((s, s, null));
                }

                break;
        }

        return result;
    }

    private static string? StringOf(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? AsText(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        JsonObject o => new[] { "value", "text", "html", "name" }.Select(k => StringOf(o[k])).FirstOrDefault(s => s is not null),
        JsonArray a => a.Count > 0 ? AsText(a[0]) : null,
        _ => node.ToJsonString(),
    };

    private static DateTimeOffset? ParseInstant(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var styles = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;
        if (!DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, styles, out var value))
        {
            return null;
        }

        var utc = value.ToUniversalTime();
        return utc.AddTicks(-(utc.Ticks % TimeSpan.TicksPerSecond));
    }

    private static string Norm(string text) => Whitespace().Replace(text, " ").Trim();

    private static string TagFree(string text) => Norm(WebUtility.HtmlDecode(Tag().Replace(text, " ")));

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex("<[^>]*>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"^\s*(.*?)\s*\(([^()]*@[^()]*)\)\s*$")]
    private static partial Regex NameThenParenEmail();

    [GeneratedRegex(@"^\s*(.*?)\s*<([^<>]*@[^<>]*)>\s*$")]
    private static partial Regex NameThenAngleEmail();

    [GeneratedRegex(@"^\s*([^\s()]+@[^\s()]+)\s*(?:\((.*)\))?\s*$")]
    private static partial Regex EmailThenName();
}
