using NewsIngest.ServiceDefaults;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Api;

/// <summary>The store's read-only HTTP API: articles (filtered, searched, cursor-paged), stories with sightings, stats.
/// With <c>Store:QueryApiKey</c> set every request needs it in <c>X-Api-Key</c>; without it only loopback peers are served.</summary>
public static class StoreApiEndpoints
{
    public static IEndpointRouteBuilder MapStoreApi(this IEndpointRouteBuilder app, string? apiKey)
    {
        var endpoints = app.MapGroup(string.Empty).RequireApiKeyOrLoopback(apiKey);
        endpoints.MapGet("/articles", ListArticlesAsync);
        endpoints.MapGet("/articles/{id:guid}", async (Guid id, ArticleQueries queries, CancellationToken cancellationToken) =>
            await queries.FindAsync(id, cancellationToken) is { } record ? Results.Ok(record) : NotFound("article", id));
        endpoints.MapGet("/stories/{id:guid}", async (Guid id, ArticleQueries queries, CancellationToken cancellationToken) =>
            await queries.FindStoryAsync(id, cancellationToken) is { } story ? Results.Ok(story) : NotFound("story", id));
        endpoints.MapGet("/stats", async (ArticleQueries queries, CancellationToken cancellationToken) =>
            Results.Ok(await queries.StatsAsync(cancellationToken)));
        return app;
    }

    private static async Task<IResult> ListArticlesAsync(HttpRequest request, ArticleQueries queries, CancellationToken cancellationToken)
    {
        if (!ArticleListParameters.TryParse(request.Query, out var query, out var error))
        {
            return Results.Problem(title: "Invalid query parameter", detail: error, statusCode: StatusCodes.Status400BadRequest);
        }

        return Results.Ok(await queries.ListAsync(query!, cancellationToken));
    }

    private static IResult NotFound(string kind, Guid id) =>
        Results.Problem(title: "Not found", detail: $"No {kind} with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
