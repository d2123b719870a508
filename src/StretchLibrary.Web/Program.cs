using StretchLibrary.Web.Accounts;
using StretchLibrary.Web.Clinic;
using StretchLibrary.Web.Library.Content;
using StretchLibrary.Web.Pages;
using StretchLibrary.Web.Platform;
using StretchLibrary.Web.Platform.Api;
using StretchLibrary.Web.Platform.Caching;
using StretchLibrary.Web.Platform.Data;
using StretchLibrary.Web.Platform.Security;
using StretchLibrary.Web.Routines;

// A verb (migrate, backup, validate-content, render-figures, copy-to-postgres, new-key-certificate) runs and exits.
if (Commands.Find(args) is { } command)
{
    return await command();
}

var builder = WebApplication.CreateBuilder(args);
builder.AddAppLogging();
builder.Services.AddContentLibrary();
builder.Services.AddAppData(builder.Configuration, builder.Environment.ContentRootPath);
builder.Services.AddAccounts(builder.Configuration);
builder.Services.AddRoutines().AddClinic();
builder.Services.AddPageCache();
builder.Services.AddSharedState(builder.Configuration, out var sharedStateProblem);
builder.Services.AddPublicLinks(builder.Configuration, builder.Environment, out var originProblem);
builder.Services.AddRazorPages();
builder.Services.AddStretchLibraryApi();
builder.AddAppSecurity();
var app = builder.Build();
if ((sharedStateProblem ?? originProblem ?? await app.PrepareAsync()) is { } problem)
{
    Console.Error.WriteLine(problem);
    return 1;
}

// The pipeline, in order: compression first, then cached pages answered before logging, routing and authorization.
app.UseResponseCompression();
app.UseAppErrors();
app.UseAppTransport();
app.UsePageCache();
app.UseStatusCodePagesWithReExecute("/Error", "?code={0}");
app.UseApiProblems();
app.UseAppRequestLogging();
app.UseRouting();
app.UseNoStore();
app.UseCors();
app.UseAppSecurity();
app.UseOfflineCopies();
app.UseAuthorization();
app.MapStaticAssets();
app.MapAppHealth();
app.MapSiteIndex();
app.MapRazorPages().WithStaticAssets();
app.MapRoutines();
app.MapStretchLibraryApi();
await app.RunAsync();
return 0;

public partial class Program;
