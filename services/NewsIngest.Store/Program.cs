using NewsIngest.ServiceDefaults;
using NewsIngest.Store;
using NewsIngest.Store.Api;
using NewsIngest.Store.Persistence;

if (args is ["migrate", ..])
{
    return await MigrationCommand.RunAsync(args[1..]);
}

return await ServiceRunner.RunAsync("store", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("store");
    builder.AddStore();
    builder.AddMessaging("store", bus => bus.AddStoreConsumers());

    var app = builder.Build();
    app.MapDefaultEndpoints();
    app.MapStoreApi(app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<StoreOptions>>().Value.QueryApiKey);
    await app.RunAsync();
});
