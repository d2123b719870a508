namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Marks a page whose POST may create a guest account (it calls <see cref="GuestAccounts.GetOrCreateAsync"/>): a
/// visitor's POST there counts against the guest-creation rate limit, whatever the page's address.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class CreatesGuestAttribute : Attribute
{
}
