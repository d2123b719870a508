using System.ComponentModel.DataAnnotations;
using StretchLibrary.Web.Platform.Data;

namespace StretchLibrary.Web.Pages;

/// <summary>
/// Text a person typed, checked by <see cref="UserText"/> (the rule import applies too): no control characters or
/// bidirectional overrides; line breaks and tabs only where <see cref="MultiLine"/>; a one-line name must show
/// something visible.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class PlainTextAttribute : ValidationAttribute
{
    public PlainTextAttribute()
        : base(UserText.HiddenMessage)
    {
    }

    public bool MultiLine { get; set; }

    public override bool IsValid(object? value) => value is not string text || UserText.Problem(text, MultiLine) is null;

    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is string text && UserText.Problem(text, MultiLine) is { } problem
            ? new ValidationResult(problem, validationContext?.MemberName is { } member ? [member] : null)
            : ValidationResult.Success;
}
