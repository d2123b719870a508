using Serilog;
using StretchLibrary.Web.Content;

if (args is ["validate-content", .. var rest])
{
    return ValidateContentCommand.Run(rest, Console.Out);
}

var builder = WebApplication.CreateBuilder(args);

// Serilog from configuration; registered through DI (not a static bootstrap logger) so test hosts can
// build the app many times in one process.
builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .ReadFrom.Services(services));

builder.Services.AddContentLibrary();
builder.Services.AddRazorPages();

var app = builder.Build();

// Load content now, so a broken folder is reported at start rather than on the first request.
var content = app.Services.GetRequiredService<ContentStore>();
if (!Directory.Exists(content.RootPath))
{
    Console.Error.WriteLine($"Content folder not found: {content.RootPath}. Set Content__RootPath to the folder holding stretches/ and guides/.");
    return 1;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error");
    app.UseHsts();
}

// Friendly 404s: re-run the pipeline for the error page, keeping the status code.
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseSerilogRequestLogging();
app.MapStaticAssets();
app.MapHealthChecks("/healthz");
app.MapRazorPages().WithStaticAssets();

app.Run();
return 0;

public partial class Program;
