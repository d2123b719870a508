namespace StretchLibrary.Web.Clinic;

/// <summary>
/// Turns an account into a clinician's: the name and clinic patients see on invitations, program pages and sheets.
/// An account without one has no clinician workspace.
/// </summary>
public sealed class ClinicianProfile
{
    public const int NameMaxLength = 80, ContactMaxLength = 120;

    /// <summary>The account's id; one profile per account.</summary>
    public required string UserId { get; set; }

    /// <summary>How patients see the clinician ("Dr Ana Lima, PT").</summary>
    public required string DisplayName { get; set; }

    public required string ClinicName { get; set; }

    /// <summary>Printed on program sheets when set (a phone number, a web address).</summary>
    public string? ContactLine { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>"Dr Ana Lima, PT, Riverside Physio": who a program is from.</summary>
    public string From => $"{DisplayName}, {ClinicName}";
}
