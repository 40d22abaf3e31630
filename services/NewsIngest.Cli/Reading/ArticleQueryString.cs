using System.Globalization;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Cli.Reading;

/// <summary>An <see cref="ArticleQuery"/> as the query string of the store's <c>GET /articles</c>.</summary>
public static class ArticleQueryString
{
    public static string Of(ArticleQuery query)
    {
        var parts = new List<string> { $"limit={query.Limit.ToString(CultureInfo.InvariantCulture)}" };
        Add("since", query.Since?.ToString("O", CultureInfo.InvariantCulture));
        Add("language", query.Language);
        Add("category", query.Category);
        Add("entity", query.Entity);
        Add("q", query.Text);
        Add("cursor", query.After?.Encode());
        return "articles?" + string.Join('&', parts);

        void Add(string name, string? value)
        {
            if (value is not null)
            {
                parts.Add($"{name}={Uri.EscapeDataString(value)}");
            }
        }
    }
}
