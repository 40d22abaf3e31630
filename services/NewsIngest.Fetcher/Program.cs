using NewsIngest.Fetcher;
using NewsIngest.Fetcher.Admin;
using NewsIngest.Fetcher.Telemetry;
using NewsIngest.ServiceDefaults;

return await ServiceRunner.RunAsync("fetcher", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("fetcher");
    builder.AddFetcher();
    builder.AddMessaging("fetcher", bus => bus.AddFetcherConsumers());

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.MapFeedAdmin(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<FetcherOptions>>().Value.AdminApiKey);
    app.MapFetcherStatus();
    await app.RunAsync();
});
