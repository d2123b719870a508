using Microsoft.AspNetCore.Mvc.RazorPages;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// Tells the layout that a page is a player that owns the screen (the guided session): the header shrinks to the
/// page's name, an Exit link and one Menu control that opens the usual menu, search and guest banner. Plain HTML
/// (<c>details</c>), so it works without JavaScript.
/// </summary>
public sealed record PlayerChrome(string Name, string ExitUrl)
{
    public const string Key = "PlayerChrome";

    public static void Use(PageModel page, string name, string exitUrl) => page.ViewData[Key] = new PlayerChrome(name, exitUrl);
}
