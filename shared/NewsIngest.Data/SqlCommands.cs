using System.Data.Common;

namespace NewsIngest.Data;

/// <summary>
/// The one way SQL runs in the fetcher and the store: a command on an open connection (and transaction), with
/// values only as named parameters, never spliced into the text.
/// </summary>
public static class SqlCommands
{
    /// <summary>Adds the named parameter; <see langword="null"/> becomes SQL NULL.</summary>
    public static void Add(DbCommand command, string name, object? value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }

    public static DbCommand Command(this DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters)
        {
            Add(command, name, value);
        }

        return command;
    }

    /// <summary>Runs a statement; the number of rows it changed.</summary>
    public static async Task<int> ExecuteAsync(
        this DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Runs a query; the first column of its first row, <see langword="null"/> for none.</summary>
    public static async Task<object?> ScalarAsync(
        this DbConnection connection, DbTransaction? transaction, string sql, IEnumerable<(string Name, object? Value)> parameters, CancellationToken cancellationToken)
    {
        await using var command = connection.Command(transaction, sql, parameters);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is DBNull ? null : value;
    }
}
