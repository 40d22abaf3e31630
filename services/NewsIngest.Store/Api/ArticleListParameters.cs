using System.Globalization;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Api;

/// <summary>Turns the query string of <c>GET /articles</c> into an <see cref="ArticleQuery"/>, or says what is wrong.</summary>
public static class ArticleListParameters
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;
    public const int MaxFilterLength = 64;
    public const int MaxSearchLength = 256;

    public static bool TryParse(IQueryCollection query, out ArticleQuery? parsed, out string? error)
    {
        parsed = null;
        error = null;

        var limit = DefaultLimit;
        if (Single(query, "limit") is { } limitText
            && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            error = $"'limit' must be a whole number from 1 to {MaxLimit}.";
            return false;
        }

        DateTimeOffset? since = null;
        if (Single(query, "since") is { } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var sinceValue))
            {
                error = "'since' must be an ISO 8601 date or timestamp, such as 2026-11-26T08:00:00Z.";
                return false;
            }

            since = sinceValue;
        }

        ArticleCursor? after = null;
        if (Single(query, "cursor") is { } cursorText && !ArticleCursor.TryDecode(cursorText, out after))
        {
            error = "'cursor' is not a cursor returned by this API.";
            return false;
        }

        var language = Single(query, "language");
        var category = Single(query, "category");
        var entity = Single(query, "entity");
        if (language?.Length > MaxFilterLength || category?.Length > MaxFilterLength || entity?.Length > MaxSearchLength)
        {
            error = $"'language' and 'category' are at most {MaxFilterLength} characters, 'entity' at most {MaxSearchLength}.";
            return false;
        }

        var text = Single(query, "q")?.Trim();
        if (text?.Length > MaxSearchLength)
        {
            error = $"'q' is at most {MaxSearchLength} characters.";
            return false;
        }

        parsed = new ArticleQuery(since, language, category, entity, string.IsNullOrEmpty(text) ? null : text, after, limit);
        return true;
    }

    private static string? Single(IQueryCollection query, string name) =>
        query.TryGetValue(name, out var values) && !string.IsNullOrEmpty(values.ToString()) ? values.ToString() : null;
}
