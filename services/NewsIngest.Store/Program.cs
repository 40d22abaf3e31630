using NewsIngest.ServiceDefaults;
using NewsIngest.Store;

return await ServiceRunner.RunAsync("store", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("store");
    builder.AddStore();
    builder.AddMessaging("store", bus => bus.AddStoreConsumers());

    var app = builder.Build();
    app.MapDefaultEndpoints();
    await app.RunAsync();
});
