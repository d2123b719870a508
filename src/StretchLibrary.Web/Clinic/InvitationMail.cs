using System.Globalization;
using Microsoft.Extensions.Options;
using MimeKit;
using StretchLibrary.Web.Accounts;

namespace StretchLibrary.Web.Clinic;

/// <summary>
/// An invitation sent by email when the clinician gives an address: who it is from, the link, and the code to type
/// instead, queued on the app's <see cref="MailOutbox"/> like account mail (same sender and delivery settings).
/// </summary>
public sealed class InvitationMail(MailOutbox outbox, IOptions<EmailOptions> options)
{
    /// <summary>Whether <paramref name="address"/> is one plain address the outbox can send to.</summary>
    public static bool IsSendable(string address) =>
        MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address && address.Contains('@', StringComparison.Ordinal);

    public void Send(string to, ClinicianProfile from, string programName, string link, string joinPage, string code, DateTimeOffset expiresAt)
    {
        var contact = from.ContactLine is { } line ? $"\n\nTo reach {from.DisplayName}: {line}" : "";
        var message = new MimeMessage
        {
            Subject = $"{from.DisplayName} ({from.ClinicName}) sent you a stretching program",
            Body = new TextPart("plain")
            {
                Text = $"""
                    Hello,

                    {from.DisplayName} at {from.ClinicName} has set up a stretching program for you: "{programName}".

                    To open it, follow this link:

                    {link}

                    Or go to {joinPage} and type this code: {code}

                    The invitation works until {expiresAt.UtcDateTime.ToString("d MMMM yyyy", CultureInfo.InvariantCulture)}, once. You do not need an account to accept it. Before you accept, you choose what {from.DisplayName} may see of how it goes, and you can change that at any time.{contact}

                    If you were not expecting this, you can ignore this message.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(MailboxAddress.Parse(to));
        outbox.Enqueue(message);
    }
}
