using System.ComponentModel.DataAnnotations;
using NewsIngest.Data;
using NewsIngest.Data.Migrations;

namespace NewsIngest.Store.Persistence;

/// <summary>
/// <c>NewsIngest.Store migrate</c>: brings the schema up to date (band-key backfill included) and exits, for a
/// one-shot job that runs before a rollout (Kubernetes: <c>deploy/k8s/migration-job.yaml</c>). The store also
/// migrates at start, so this is an ordering aid, not a requirement; concurrent runs take turns.
/// </summary>
public static class MigrationCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var builder = Host.CreateApplicationBuilder(args);
        var options = builder.Configuration.GetSection(StoreOptions.Section).Get<StoreOptions>() ?? new StoreOptions();
        var problems = new List<ValidationResult>();
        if (!Validator.TryValidateObject(options, new ValidationContext(options), problems, validateAllProperties: true))
        {
            foreach (var problem in problems)
            {
                await Console.Error.WriteLineAsync($"Store:{string.Join(',', problem.MemberNames)} {problem.ErrorMessage}");
            }

            return 2;
        }

        await using var dialect = StoreDatabase.For(options);
        MigrationResult schema;
        try
        {
            schema = await new SqlArticleRepository(dialect).MigrateAsync(CancellationToken.None);
        }
        catch (MigrationRefusedException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 1;
        }

        await Console.Out.WriteLineAsync($"Store schema is up to date ({dialect.Name}, version {schema.Version}, {schema.Applied} applied now)");
        return 0;
    }
}
