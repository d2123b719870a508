using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Tests.Data;

/// <summary>The database health check that <c>/healthz</c> reports, on a sound file and on a damaged one.</summary>
public sealed class DatabaseHealthTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("stretchlibrary-health-").FullName;

    private string DatabasePath => Path.Join(_folder, "app.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_sound_database_is_healthy()
    {
        await using var services = await ServicesAsync();

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        Assert.Equal(HealthStatus.Healthy, report.Entries["database"].Status);
    }

    [Fact]
    public async Task A_damaged_table_makes_the_database_unhealthy()
    {
        await using var services = await ServicesAsync();
        await DamagedDatabase.DamageAsync(DatabasePath, "Completions");

        var report = await services.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = report.Entries["database"];
        Assert.Equal(HealthStatus.Unhealthy, entry.Status);
        Assert.Contains("malformed", entry.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, report.Status);
    }

    [Fact]
    public async Task Start_up_refuses_a_damaged_file_with_one_line()
    {
        await DamagedDatabase.CreateAsync(DatabasePath, "RoutineItems");
        await using var services = Services();

        var problem = await services.PrepareDatabaseAsync();

        Assert.NotNull(problem);
        Assert.StartsWith($"Database at '{DatabasePath}' is damaged (PRAGMA quick_check: ", problem, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem);
    }

    private async Task<ServiceProvider> ServicesAsync()
    {
        var services = Services();
        Assert.Null(await services.PrepareDatabaseAsync());
        return services;
    }

    private ServiceProvider Services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection([new("ConnectionStrings:Default", $"Data Source={DatabasePath}")]).Build();
        return new ServiceCollection().AddLogging().AddAppData(configuration, _folder).BuildServiceProvider();
    }
}
