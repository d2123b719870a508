using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Tests.Data;

/// <summary>A migrated database file with one table's root page overwritten, as a failing disk or a stray write leaves it.</summary>
public static class DamagedDatabase
{
    public static async Task CreateAsync(string path, string table)
    {
        var folder = Path.GetDirectoryName(path)!;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Default", $"Data Source={path}")]).Build();
        await using (var services = new ServiceCollection().AddLogging().AddAppData(configuration, folder).BuildServiceProvider())
        {
            Assert.Null(await services.PrepareDatabaseAsync());
        }

        await DamageAsync(path, table);
    }

    /// <summary>Writes garbage over <paramref name="table"/>'s root page, with the write-ahead log checkpointed first.</summary>
    public static async Task DamageAsync(string path, string table)
    {
        long rootPage, pageSize;
        await using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await command.ExecuteNonQueryAsync();
            command.CommandText = "SELECT rootpage FROM sqlite_schema WHERE type = 'table' AND name = $name;";
            command.Parameters.AddWithValue("$name", table);
            rootPage = (long)(await command.ExecuteScalarAsync())!;
            command.CommandText = "PRAGMA page_size;";
            pageSize = (long)(await command.ExecuteScalarAsync())!;
        }

        SqliteConnection.ClearAllPools();
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Write);
        file.Seek((rootPage - 1) * pageSize, SeekOrigin.Begin);
        var garbage = new byte[pageSize];
        Array.Fill(garbage, (byte)0xA5);
        await file.WriteAsync(garbage);
    }
}
