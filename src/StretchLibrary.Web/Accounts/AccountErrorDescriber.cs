using Microsoft.AspNetCore.Identity;

namespace StretchLibrary.Web.Accounts;

/// <summary>Identity's refusals, in plain words where Identity's own would puzzle a person.</summary>
public sealed class AccountErrorDescriber : IdentityErrorDescriber
{
    /// <summary>Another request changed the account's row between this one loading and saving it.</summary>
    public override IdentityError ConcurrencyFailure() => new()
    {
        Code = nameof(ConcurrencyFailure),
        Description = "That did not go through because your account changed at the same time; please try again.",
    };
}
