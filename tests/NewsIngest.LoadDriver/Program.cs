using NewsIngest.LoadDriver;

DriverOptions options;
try
{
    options = DriverOptions.Parse(args);
}
catch (Exception ex) when (ex is ArgumentException or FormatException)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(DriverOptions.Usage);
    return 2;
}

return await LoadRun.RunAsync(options, Console.Out);
