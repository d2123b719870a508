using StretchLibrary.Web.Routines.Export;
using StretchLibrary.Web.Routines.Sessions;

namespace StretchLibrary.Web.Routines;

public static class RoutinesServiceCollectionExtensions
{
    /// <summary>Logging sessions (one write path for the form, the offline replay and the API), importing, copying shared routines, and the player's settings.</summary>
    public static IServiceCollection AddRoutines(this IServiceCollection services)
    {
        services.AddScoped<SessionLog>();
        services.AddScoped<RoutineImport>();
        services.AddScoped<Sharing.ShareCopies>();
        services.AddOptions<PlayerOptions>().BindConfiguration("Session");
        return services;
    }

    /// <summary>The routines' endpoints outside Razor Pages and the API: offline "Mark done" replays.</summary>
    public static IEndpointRouteBuilder MapRoutines(this IEndpointRouteBuilder app) => app.MapOfflineSessions();
}
