using NewsIngest.Fetcher;
using NewsIngest.ServiceDefaults;

return await ServiceRunner.RunAsync("fetcher", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("fetcher");
    builder.AddFetcher();
    builder.AddMessaging("fetcher", bus => bus.AddFetcherConsumers());

    var app = builder.Build();
    app.MapDefaultEndpoints();
    await app.RunAsync();
});
