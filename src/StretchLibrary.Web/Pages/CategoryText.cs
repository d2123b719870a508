using StretchLibrary.Web.Library.Content;

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

    /// <summary>A sentence or two for a filtered list's page and its meta description.</summary>
    public static string Description(Category category) => category switch
    {
        Category.Back => "Gentle twists and backbends for a stiff upper and mid back (the thoracic spine), seated, lying on your side or on hands and knees, each with how much to do.",
        Category.Posture => "Chest openers and shoulder-blade exercises for rounded shoulders and slouching, with reps, holds and when to stop.",
        Category.Neck => "Small, slow neck stretches (chin tucks, looking down and up, turning the head) for a stiff or tight neck, with how much to do and when to stop.",
        _ => Blurb(category),
    };

    public static string Slug(Category category) => category.Slug();
}
