using System.Globalization;
using Microsoft.Data.Sqlite;

namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// <c>backup TARGET</c>: copies the database to TARGET with SQLite's <c>VACUUM INTO</c>, a consistent snapshot taken
/// in one read transaction, so it is safe while the app runs and writes. The copy is checked with
/// <c>PRAGMA integrity_check</c> and only then moved into place: TARGET is never a half-written file.
/// </summary>
public static class BackupCommand
{
    public static async Task<int> RunAsync(string connectionString, string[] args, TextWriter output, TextWriter error)
    {
        if (args is not [var target])
        {
            error.WriteLine("Usage: backup <target-file>");
            return 2;
        }

        var source = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var destination = Path.GetFullPath(target);
        var partial = destination + ".partial";
        try
        {
            if (!File.Exists(source))
            {
                error.WriteLine($"No database at '{source}' to back up.");
                return 1;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Delete(partial);
            await using (var live = await OpenAsync(source))
            {
                await ExecuteAsync(live, "PRAGMA busy_timeout = 5000;");
                await using var vacuum = live.CreateCommand();
                vacuum.CommandText = "VACUUM INTO $target;";
                vacuum.Parameters.AddWithValue("$target", partial);
                await vacuum.ExecuteNonQueryAsync();
            }

            string summary;
            await using (var copy = await OpenAsync(partial))
            {
                var integrity = await ExecuteAsync(copy, "PRAGMA integrity_check;");
                if (integrity != "ok")
                {
                    error.WriteLine($"The backup of '{source}' failed its integrity check: {integrity}");
                    return 1;
                }

                summary = $"{await ExecuteAsync(copy, "SELECT count(*) FROM AspNetUsers;")} accounts, {await ExecuteAsync(copy, "SELECT count(*) FROM Routines;")} routines, {await ExecuteAsync(copy, "SELECT count(*) FROM Completions;")} sessions";
            }

            File.Move(partial, destination, overwrite: true);
            output.WriteLine($"Backed up {source} to {destination} ({new FileInfo(destination).Length.ToString("N0", CultureInfo.InvariantCulture)} bytes: {summary}); integrity ok.");
            return 0;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"Could not back up '{source}' to '{destination}': {ex.GetBaseException().Message}");
            return 1;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }
    }

    // Unpooled, so no connection keeps a file open after the command ends.
    private static async Task<SqliteConnection> OpenAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
        await connection.OpenAsync();
        return connection;
    }

    private static async Task<string?> ExecuteAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
