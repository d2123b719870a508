namespace StretchLibrary.Web.Platform.Data;

/// <summary>
/// <c>Database:Provider</c> (<c>Sqlite</c>, the default, or <c>Postgres</c>) and <c>Database:MigrateOnStart</c>
/// (default true; set false when several instances share a database and the <c>migrate</c> verb runs once per deploy).
/// </summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public const string Sqlite = "Sqlite";

    public const string Postgres = "Postgres";

    public string Provider { get; set; } = Sqlite;

    public bool MigrateOnStart { get; set; } = true;

    /// <summary><c>ConnectionStrings:Default</c> or the default SQLite file, as <c>AddAppData</c> worked it out.</summary>
    internal string ConnectionString { get; set; } = "";

    public bool IsSqlite => string.Equals(Provider, Sqlite, StringComparison.OrdinalIgnoreCase);

    public bool IsPostgres => string.Equals(Provider, Postgres, StringComparison.OrdinalIgnoreCase);

    /// <summary>Why these settings cannot work (one line), or null.</summary>
    public string? Problem() =>
        !IsSqlite && !IsPostgres ? $"Unknown Database:Provider '{Provider}'. Use {Sqlite} (the default) or {Postgres}."
        : IsPostgres && string.IsNullOrWhiteSpace(ConnectionString) ? "Database:Provider is Postgres but ConnectionStrings:Default is empty. Set it, e.g. Host=127.0.0.1;Port=5432;Database=stretchlibrary;Username=app;Password=..."
        : null;

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
}
