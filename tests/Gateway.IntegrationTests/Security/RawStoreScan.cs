using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Gateway.IntegrationTests.Security;

/// <summary>Reads every text cell of every table with plain SQL, bypassing the store class: what an attacker with the database file sees.</summary>
public static class RawStoreScan
{
    public static async Task<List<(string Table, string Column, string Value)>> SqliteAsync(string file)
    {
        await using var db = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var list = db.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        }
        return await CellsAsync(db, tables);
    }

    public static async Task<List<(string Table, string Column, string Value)>> PostgresAsync(string connectionString)
    {
        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'", db))
        await using (var reader = await list.ExecuteReaderAsync())
            while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
        return await CellsAsync(db, tables);
    }

    private static async Task<List<(string, string, string)>> CellsAsync(DbConnection db, List<string> tables)
    {
        var cells = new List<(string, string, string)>();
        foreach (var table in tables)
        {
            await using var select = db.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await select.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                for (var i = 0; i < reader.FieldCount; i++)
                    if (!await reader.IsDBNullAsync(i) && reader.GetValue(i) is { } value)
                        cells.Add((table, reader.GetName(i), value as string ?? Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? ""));
        }
        return cells;
    }

    /// <summary>Cells holding any of the plaintext values, described for an assertion message.</summary>
    public static List<string> Leaks(IEnumerable<(string Table, string Column, string Value)> cells, IEnumerable<string> plaintexts)
    {
        var values = plaintexts.ToList();
        return cells.SelectMany(c => values.Where(v => c.Value.Contains(v, StringComparison.Ordinal)).Select(v => $"{c.Table}.{c.Column} holds '{v}'")).Distinct().ToList();
    }
}
