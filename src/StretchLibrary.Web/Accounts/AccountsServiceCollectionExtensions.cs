namespace StretchLibrary.Web.Accounts;

public static class AccountsServiceCollectionExtensions
{
    /// <summary>
    /// Who is asking, guest accounts (and their daily clean-up), password sign-in, registration, password reset, the
    /// account's own settings and account mail.
    /// </summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<CurrentUser>();
        services.AddScoped<GuestAccounts>();
        services.AddScoped<PasswordSignIn>();
        services.AddScoped<Registration>();
        services.AddScoped<PasswordReset>();
        services.AddScoped<AccountSettings>();
        services.AddHostedService<GuestCleanup>();
        services.AddAccountMail(configuration);
        return services;
    }
}
