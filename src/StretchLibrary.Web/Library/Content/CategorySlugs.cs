namespace StretchLibrary.Web.Library.Content;

public static class CategorySlugs
{
    /// <summary>The category as addresses and filters spell it: back, posture, neck.</summary>
    public static string Slug(this Category category) => category.ToString().ToLowerInvariant();
}
