namespace StretchLibrary.Web.Clinic;

public static class ClinicServiceCollectionExtensions
{
    /// <summary>
    /// Clinician programs: inviting, accepting and leaving (<see cref="Programs"/>) and the one consent-checked,
    /// logged read of patient data (<see cref="PatientRecords"/>). <see cref="ProgramSync"/> is registered with the
    /// data layer's interceptors.
    /// </summary>
    public static IServiceCollection AddClinic(this IServiceCollection services)
    {
        services.AddScoped<Programs>();
        services.AddScoped<PatientRecords>();
        services.AddScoped<ClinicWorkspace>();
        services.AddScoped<InvitationMail>();
        services.AddScoped<Inviting>();
        services.AddScoped<Accepting>();
        return services;
    }
}
