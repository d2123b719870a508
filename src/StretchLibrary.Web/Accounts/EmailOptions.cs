using MailKit.Security;

namespace StretchLibrary.Web.Accounts;

/// <summary>The <c>Email</c> section: where account mail (confirmation, password reset) goes.</summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The sender, e.g. <c>StretchLibrary &lt;no-reply@example.org&gt;</c>.</summary>
    public string From { get; set; } = "StretchLibrary <no-reply@localhost>";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where messages are written as .eml files when no SMTP host is set; App_Data/mail by default.</summary>
    public string? PickupFolder { get; set; }
}

/// <summary><c>Email:Smtp</c>: the server to send through. Without a host, mail is written to the pickup folder.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Empty for a server that takes mail without signing in (e.g. a relay on this machine).</summary>
    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// MailKit's choice of TLS: <c>Auto</c> (TLS on port 465, STARTTLS when offered otherwise), <c>SslOnConnect</c>,
    /// <c>StartTls</c> (refuse a server without it), <c>StartTlsWhenAvailable</c> or <c>None</c>.
    /// </summary>
    public SecureSocketOptions SecureSocketOptions { get; set; } = SecureSocketOptions.Auto;

    /// <summary>Shorthand: false means <see cref="SecureSocketOptions.None"/> (a test or loopback server).</summary>
    public bool? UseTls { get; set; }

    public SecureSocketOptions EffectiveSecurity => UseTls == false ? SecureSocketOptions.None : SecureSocketOptions;
}
