using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace StretchLibrary.Web.Pages.Account;

/// <summary>
/// An upload bigger than the import page accepts is answered with the import page and its size message, not the
/// generic 400 the antiforgery check (which reads the form first) would give. Runs before that check.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class TooLargeUploadAttribute : Attribute, IAsyncAuthorizationFilter, IOrderedFilter
{
    public const string Problem = "too-large";

    // Antiforgery validation runs at order 1000.
    public int Order => 0;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!HttpMethods.IsPost(request.Method))
        {
            return;
        }

        var tooLarge = request.ContentLength > Web.Routines.Export.RoutineImport.MaxRequestBytes;
        if (!tooLarge && request.HasFormContentType)
        {
            try
            {
                // Sent without a length (chunked): read it here, under the page's limit, once.
                await request.ReadFormAsync(context.HttpContext.RequestAborted);
            }
            catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                tooLarge = true;
            }
            catch (Exception ex) when (ex is IOException or InvalidDataException)
            {
                // A malformed form: the antiforgery check meets the same error and answers 400.
            }
        }

        if (tooLarge)
        {
            context.Result = new RedirectToPageResult("/Account/Import", new { problem = Problem });
        }
    }
}
