using Serilog;
using StretchLibrary.Web.Platform.Security;

namespace StretchLibrary.Web.Platform;

public static class Logging
{
    /// <summary>
    /// Serilog from configuration, registered through DI (not a static bootstrap logger) so test hosts can build the
    /// app many times in one process; <c>preserveStaticLogger</c> keeps each host on its own logger. Control
    /// characters in logged values are escaped last, after every other enricher: no value forges a line.
    /// </summary>
    public static WebApplicationBuilder AddAppLogging(this WebApplicationBuilder builder)
    {
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.With<ControlCharacterEscaper>(), preserveStaticLogger: true);
        return builder;
    }

    /// <summary>One line per request; paths that carry a secret (share links, calendar feeds) with it redacted.</summary>
    public static IApplicationBuilder UseAppRequestLogging(this WebApplication app) =>
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            options.GetMessageTemplateProperties = LoggedPaths.RequestProperties;
        });
}
