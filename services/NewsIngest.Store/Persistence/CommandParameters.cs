using System.Data.Common;

namespace NewsIngest.Store.Persistence;

/// <summary>Adds a named parameter, the only way values reach the store's SQL.</summary>
internal static class CommandParameters
{
    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
