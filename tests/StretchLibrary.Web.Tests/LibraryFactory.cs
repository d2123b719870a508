using AngleSharp;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace StretchLibrary.Web.Tests;

/// <summary>The real app over a chosen content folder (the shipped one by default).</summary>
public class LibraryFactory : WebApplicationFactory<Program>
{
    public string ContentRoot { get; set; } = TempContent.ShippedRoot;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Content:RootPath", ContentRoot);
    }
}

public static class HtmlHelpers
{
    public static async Task<IHtmlDocument> GetDocumentAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadDocumentAsync();
    }

    public static async Task<IHtmlDocument> ReadDocumentAsync(this HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var context = BrowsingContext.New(Configuration.Default);
        return (IHtmlDocument)await context.OpenAsync(request => request.Content(html).Address(response.RequestMessage!.RequestUri!));
    }
}
