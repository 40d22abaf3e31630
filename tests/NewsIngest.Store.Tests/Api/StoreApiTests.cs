using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using NewsIngest.Contracts;
using NewsIngest.Store.Persistence;
using NewsIngest.Store.Records;
using NewsIngest.Store.Tests.Publishing;
using NewsIngest.Testing;

namespace NewsIngest.Store.Tests.Api;

/// <summary>The query API's contract, run against SQLite and a real PostgreSQL server through a real Kestrel host.</summary>
public sealed class StoreApiTests(DatabaseFixture database) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 20, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Backends => ["sqlite", "postgres"];

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ListArticles_FilteredByLanguageAndCategory_ReturnsOnlyMatchesNewestFirst(string backend)
    {
        await using var host = await StartAsync(backend);
        var older = await SeedAsync(host, Record("Rail strike ends", "Trains run again.", "en", "business", Noon));
        var newer = await SeedAsync(host, Record("Port strike ends", "Ships sail again.", "en", "business", Noon.AddHours(1)));
        await SeedAsync(host, Record("Grève terminée", "Les trains roulent.", "fr", "business", Noon.AddHours(2)));
        await SeedAsync(host, Record("Cup final tonight", "Fans gather early.", "en", "sport", Noon.AddHours(3)));

        var page = await GetPageAsync(host, "/articles?language=en&category=business");
        var since = await GetPageAsync(host, "/articles?since=2026-11-20T12:30:00Z&language=en");

        page.Items.Select(item => item.ArticleId).ShouldBe([newer.ArticleId, older.ArticleId]);
        page.NextCursor.ShouldBeNull();
        since.Items.Select(item => item.Article.Title).ShouldBe(["Cup final tonight", "Port strike ends"]);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ListArticles_PagedAcrossPages_ReturnsEveryArticleOnceInOrder(string backend)
    {
        await using var host = await StartAsync(backend);
        var seeded = new List<ArticleStored>();
        for (var i = 0; i < 23; i++)
        {
            // Pairs share a stored_at, so the article id has to break ties.
            seeded.Add(await SeedAsync(host, Record($"Bulletin number {i}", $"Paragraph for bulletin {i}.", "en", "world", Noon.AddMinutes(i / 2))));
        }

        var seen = new List<Guid>();
        var pages = 0;
        string? cursor = null;
        do
        {
            var page = await GetPageAsync(host, cursor is null ? "/articles?limit=10" : $"/articles?limit=10&cursor={Uri.EscapeDataString(cursor)}");
            seen.AddRange(page.Items.Select(item => item.ArticleId));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        pages.ShouldBe(3);
        seen.Count.ShouldBe(23);
        seen.Distinct().Count().ShouldBe(23);
        // Newest first; equal times fall back to the id, compared as both databases compare it (canonical text).
        seen.ShouldBe(seeded
            .OrderByDescending(record => record.StoredAt)
            .ThenByDescending(record => record.ArticleId.ToString("D"), StringComparer.Ordinal)
            .Select(record => record.ArticleId)
            .ToList());
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ListArticles_WithSearchText_FindsWordsInTitleOrBody(string backend)
    {
        await using var host = await StartAsync(backend);
        var ferries = await SeedAsync(host, Record("Harbour ferries resume service", "Crews repaired the damaged pier overnight.", "en", "local", Noon));
        var budget = await SeedAsync(host, Record("Council approves budget", "The vote passed narrowly after a long debate.", "en", "politics", Noon.AddMinutes(1)));

        var byTitle = await GetPageAsync(host, "/articles?q=ferries");
        var byBody = await GetPageAsync(host, "/articles?q=Debate");
        var none = await GetPageAsync(host, "/articles?q=volcano");
        var wildcard = await GetPageAsync(host, "/articles?q=%25");

        byTitle.Items.Select(item => item.ArticleId).ShouldBe([ferries.ArticleId]);
        byBody.Items.Select(item => item.ArticleId).ShouldBe([budget.ArticleId]);
        none.Items.ShouldBeEmpty();
        wildcard.Items.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ListArticles_ByEntity_ReturnsArticlesNamingIt(string backend)
    {
        await using var host = await StartAsync(backend);
        var named = await SeedAsync(host, Record("Mayor Ilsa Brandt opens bridge", "The mayor cut the ribbon.", "en", "local", Noon, "Ilsa Brandt", "Northport"));
        await SeedAsync(host, Record("Northport tides rise", "Water reached the quay.", "en", "local", Noon.AddMinutes(1), "Northport"));

        var byPerson = await GetPageAsync(host, $"/articles?entity={Uri.EscapeDataString("Ilsa Brandt")}");
        var byPlace = await GetPageAsync(host, "/articles?entity=Northport");
        var injected = await GetPageAsync(host, $"/articles?entity={Uri.EscapeDataString("x' OR '1'='1")}");

        byPerson.Items.Select(item => item.ArticleId).ShouldBe([named.ArticleId]);
        byPlace.Items.Count.ShouldBe(2);
        injected.Items.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task GetArticle_KnownAndUnknownId_ReturnsRecordOr404(string backend)
    {
        await using var host = await StartAsync(backend);
        var stored = await SeedAsync(host, Record("Bridge reopens", "Traffic flows again.", "en", "local", Noon));

        var found = await host.Client.GetFromJsonAsync<ArticleStored>($"/articles/{stored.ArticleId}", Token);
        using var missing = await host.Client.GetAsync(new Uri($"/articles/{Guid.NewGuid()}", UriKind.Relative), Token);
        using var missingStory = await host.Client.GetAsync(new Uri($"/stories/{Guid.NewGuid()}", UriKind.Relative), Token);

        found.ShouldNotBeNull();
        found.ArticleId.ShouldBe(stored.ArticleId);
        found.Article.Title.ShouldBe("Bridge reopens");
        found.StoredAt.ShouldBe(Noon);
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        missingStory.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task GetStory_WithASighting_ReturnsArticleAndEverySighting(string backend)
    {
        await using var host = await StartAsync(backend);
        var original = await SeedAsync(host, Record("Storm closes schools", "Classes move online for a day.", "en", "local", Noon));
        var copy = Record("Schools shut as storm arrives", "Classes move online for a day.", "en", "local", Noon.AddMinutes(5));
        (await host.Repository.AddSightingAsync(original.ArticleId, copy, 0.91, "test copy", null, Token)).ShouldBeTrue();

        var story = await host.Client.GetFromJsonAsync<StoryView>($"/stories/{original.ArticleId}", Token);

        story.ShouldNotBeNull();
        story.StoryId.ShouldBe(original.ArticleId);
        story.Article.ArticleId.ShouldBe(original.ArticleId);
        story.Sightings.Select(sighting => (sighting.ArticleId, sighting.Similarity, sighting.SeenAt))
            .ShouldBe([(original.ArticleId, 1.0, Noon), (copy.ArticleId, 0.91, Noon.AddMinutes(5))]);
        story.Sightings[1].Url.ShouldBe(copy.Article.Url);
        story.Sightings[1].Source.ShouldBe("Test Wire");
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task ListArticles_InvalidParameter_Returns400WithProblem(string backend)
    {
        await using var host = await StartAsync(backend);

        foreach (var (query, mentions) in new[]
        {
            ("limit=0", "limit"), ("limit=101", "limit"), ("limit=ten", "limit"),
            ("cursor=not-a-cursor", "cursor"), ("since=yesterday", "since"),
        })
        {
            using var response = await host.Client.GetAsync(new Uri($"/articles?{query}", UriKind.Relative), Token);

            response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, query);
            response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
            (problem.RootElement.GetProperty("detail").GetString() ?? string.Empty).ShouldContain($"'{mentions}'");
        }
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task GetStats_AfterSeeding_CountsEverything(string backend)
    {
        await using var host = await StartAsync(backend);
        var first = await SeedAsync(host, Record("Library extends hours", "Open until ten.", "en", "local", Noon));
        await SeedAsync(host, Record("Museum opens wing", "A new gallery.", "en", "culture", Noon.AddMinutes(1)));
        await SeedAsync(host, Record("Nouveau musée", "Une galerie.", "fr", "culture", Noon.AddMinutes(2)));
        await host.Repository.AddSightingAsync(first.ArticleId, Record("Library open later", "Open until ten.", "en", "local", Noon.AddMinutes(3)), 0.9, "test copy", null, Token);
        await host.Repository.SaveRejectionAsync(
            new ArticleRejected { ArticleId = Guid.NewGuid(), CorrelationId = Guid.NewGuid(), RejectedAt = Noon, Stage = "parser", Reason = "empty body" },
            Token);
        await host.Outbox.MarkOldestPublishedAsync(1, Token);

        var stats = await host.Client.GetFromJsonAsync<StoreStats>("/stats", Token);

        stats.ShouldNotBeNull();
        (stats.Articles, stats.Stories, stats.Sightings, stats.Rejected, stats.PendingOutbox).ShouldBe((3L, 3L, 4L, 1L, 2L));
        stats.Languages.ShouldBe(new Dictionary<string, long> { ["en"] = 2, ["fr"] = 1 }, ignoreOrder: true);
    }

    private async Task<StoreApiHost> StartAsync(string backend) =>
        await StoreApiHost.StartAsync(backend, database.Server, Token);

    private static async Task<ArticleStored> SeedAsync(StoreApiHost host, ArticleStored record)
    {
        var outcome = await host.Repository.SaveAsync(record, new StoryFacts([1, 2, 3], record.Article.Url), Token);
        outcome.Result.ShouldBe(SaveResult.Inserted);
        return record;
    }

    private static async Task<ArticlePage> GetPageAsync(StoreApiHost host, string path)
    {
        var page = await host.Client.GetFromJsonAsync<ArticlePage>(path, Token);
        page.ShouldNotBeNull();
        return page;
    }

    private static ArticleStored Record(string title, string body, string language, string category, DateTimeOffset storedAt, params string[] entities)
    {
        var enriched = Articles.Enriched(title, body);
        enriched = enriched with
        {
            Article = enriched.Article with { Url = $"https://news.example/{Guid.NewGuid():N}" },
            Enrichment = enriched.Enrichment with
            {
                Language = language,
                Entities = [.. entities.Select(name => new EntityMention { Name = name, Type = "PERSON", Mentions = 1 })],
            },
        };
        return StoredRecordFactory.Create(enriched, storedAt) with { Category = category };
    }
}
