using NewsIngest.Enricher;
using NewsIngest.Enricher.Enrichment;
using NewsIngest.ServiceDefaults;

return await ServiceRunner.RunAsync("enricher", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("enricher");
    builder.AddEnricher();
    builder.AddMessaging("enricher", bus => bus.AddEnricherConsumers());

    var app = builder.Build();
    app.Services.WarmUpEnrichment();
    app.MapDefaultEndpoints();
    await app.RunAsync();
});
