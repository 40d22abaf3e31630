using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsIngest.Cli.Terminal;
using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Cli.Reading;

/// <summary>Reads a running store through its HTTP query API (<c>GET /articles</c>, <c>/articles/{id}</c>, <c>/stories/{id}</c>).</summary>
public sealed class ApiStoreReader(Uri api, string? key) : IStoreReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly HttpClient _http = CreateClient(api, key);

    public string Location => api.AbsoluteUri;

    public Task<ArticlePage> ListAsync(ArticleQuery query, CancellationToken cancellationToken) =>
        GetAsync<ArticlePage>(ArticleQueryString.Of(query), cancellationToken)!;

    public Task<ArticleStored?> FindAsync(Guid articleId, CancellationToken cancellationToken) =>
        GetAsync<ArticleStored>($"articles/{articleId}", cancellationToken, missingIsNull: true);

    public Task<StoryView?> FindStoryAsync(Guid storyId, CancellationToken cancellationToken) =>
        GetAsync<StoryView>($"stories/{storyId}", cancellationToken, missingIsNull: true);

    public ValueTask DisposeAsync()
    {
        _http.Dispose();
        return ValueTask.CompletedTask;
    }

    private static HttpClient CreateClient(Uri api, string? key)
    {
        var http = new HttpClient { BaseAddress = new Uri(api.AbsoluteUri.TrimEnd('/') + "/"), Timeout = TimeSpan.FromSeconds(30) };
        if (!string.IsNullOrEmpty(key))
        {
            http.DefaultRequestHeaders.Add("X-Api-Key", key);
        }

        return http;
    }

    private async Task<T?> GetAsync<T>(string path, CancellationToken cancellationToken, bool missingIsNull = false)
        where T : class
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.GetAsync(path, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw CliException.Failure($"cannot reach the store API at {Location}: {ex.Message}");
        }

        using (response)
        {
            if (missingIsNull && response.StatusCode == HttpStatusCode.NotFound)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                var detail = await response.Content.ReadAsStringAsync(cancellationToken);
                throw CliException.Failure($"the store API at {Location} answered {(int)response.StatusCode}: {ConsoleText.OneLine(detail)}");
            }

            return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken)
                ?? throw CliException.Failure($"the store API at {Location} sent an empty answer");
        }
    }
}
