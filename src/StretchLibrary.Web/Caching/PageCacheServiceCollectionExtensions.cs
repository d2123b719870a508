using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Caching;

public static class PageCacheServiceCollectionExtensions
{
    /// <summary>The page cache, emptied when the content reloads; sign-in and sign-out forget the user's pages.</summary>
    public static IServiceCollection AddPageCache(this IServiceCollection services)
    {
        services.AddSingleton(sp => new PageCache(sp.GetRequiredService<TimeProvider>()));
        services.AddHostedService<ClearOnReload>();
        services.ConfigureApplicationCookie(cookie =>
        {
            var signedIn = cookie.Events.OnSignedIn;
            cookie.Events.OnSignedIn = async context =>
            {
                await signedIn(context);
                context.HttpContext.RequestServices.GetRequiredService<PageCache>()
                    .ForgetOnSignInOrOut(context.HttpContext, context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier));
            };
            var signingOut = cookie.Events.OnSigningOut;
            cookie.Events.OnSigningOut = async context =>
            {
                await signingOut(context);
                context.HttpContext.RequestServices.GetRequiredService<PageCache>()
                    .ForgetOnSignInOrOut(context.HttpContext, context.HttpContext.User.FindFirstValue(ClaimTypes.NameIdentifier));
            };
        });
        return services;
    }

    /// <summary>Serves cached pages; goes before request logging and routing, which a cached page skips.</summary>
    public static IApplicationBuilder UsePageCache(this IApplicationBuilder app) => app.UseMiddleware<PageCacheMiddleware>();

    private sealed class ClearOnReload(ContentStore content, PageCache cache) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            content.Reloaded += Clear;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken)
        {
            content.Reloaded -= Clear;
            return Task.CompletedTask;
        }

        private void Clear(ContentSnapshot snapshot) => cache.Clear();
    }
}
