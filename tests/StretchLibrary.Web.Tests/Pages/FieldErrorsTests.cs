using Microsoft.AspNetCore.Mvc.ModelBinding;
using StretchLibrary.Web.Pages;

namespace StretchLibrary.Web.Tests.Pages;

/// <summary>A page with one-field forms (the routine page's rename and target) shows only the posted field's errors.</summary>
public sealed class FieldErrorsTests
{
    [Fact]
    public void An_invalid_field_keeps_its_errors_and_drops_every_other_fields()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Name", "Give the routine a name.");
        state.AddModelError("WeeklyTarget", "The value '' is invalid.");

        Assert.True(state.InvalidOnly("Name"));

        Assert.Equal(["Name"], state.Keys);
        Assert.Equal("Give the routine a name.", Assert.Single(state["Name"]!.Errors).ErrorMessage);
    }

    [Fact]
    public void A_valid_field_is_not_invalid_and_leaves_the_state_as_it_was()
    {
        var state = new ModelStateDictionary();
        state.AddModelError("Name", "Give the routine a name.");
        state.SetModelValue("WeeklyTarget", "3", "3");
        state.MarkFieldValid("WeeklyTarget");

        Assert.False(state.InvalidOnly("WeeklyTarget"));

        Assert.Equal(["Name", "WeeklyTarget"], state.Keys.Order());
    }
}
