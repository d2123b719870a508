using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace StretchLibrary.Web.Pages;

/// <summary>For a page with several one-field forms: each posts one field, so only that field's errors are about it.</summary>
public static class FieldErrors
{
    /// <summary>True when <paramref name="field"/> is invalid; then every other field's errors are dropped.</summary>
    public static bool InvalidOnly(this ModelStateDictionary modelState, string field)
    {
        if (modelState.GetFieldValidationState(field) != ModelValidationState.Invalid)
        {
            return false;
        }

        foreach (var other in modelState.Keys.Where(k => k != field).ToList())
        {
            modelState.Remove(other);
        }

        return true;
    }
}
