using NewsIngest.Parser;
using NewsIngest.ServiceDefaults;

return await ServiceRunner.RunAsync("parser", async () =>
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddServiceDefaults("parser");
    builder.AddParser();
    builder.AddMessaging("parser", bus => bus.AddParserConsumers());

    var app = builder.Build();
    app.MapDefaultEndpoints();
    await app.RunAsync();
});
