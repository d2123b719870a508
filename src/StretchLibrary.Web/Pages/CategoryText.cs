using StretchLibrary.Web.Content;

namespace StretchLibrary.Web.Pages;

/// <summary>How categories are named and introduced on pages.</summary>
public static class CategoryText
{
    public static string Name(Category category) => category switch
    {
        Category.Back => "Upper and mid back",
        Category.Posture => "Posture",
        Category.Neck => "Neck",
        _ => category.ToString(),
    };

    public static string Blurb(Category category) => category switch
    {
        Category.Back => "Rotations and extensions that loosen a stiff thoracic spine.",
        Category.Posture => "Chest openers and shoulder-blade work against slouching.",
        Category.Neck => "Small, controlled movements for a tight or tired neck.",
        _ => "",
    };

    public static string Slug(Category category) => category.ToString().ToLowerInvariant();
}
