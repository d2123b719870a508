using System.Threading.Channels;
using MailKit.Net.Smtp;
using Microsoft.Extensions.Options;
using MimeKit;

namespace StretchLibrary.Web.Accounts;

/// <summary>
/// Account mail waiting to go. Pages only queue a message, so a request takes the same time whether or not it
/// sends one (the forgot-password page must not reveal which addresses have accounts), and a slow mail server
/// never holds a page up.
/// </summary>
public sealed partial class MailOutbox(ILogger<MailOutbox> logger)
{
    private readonly Channel<MimeMessage> _queue = Channel.CreateBounded<MimeMessage>(1000);

    /// <summary>Queues <paramref name="message"/>; when 1,000 are already waiting, it is dropped and a warning logged.</summary>
    public void Enqueue(MimeMessage message)
    {
        if (!_queue.Writer.TryWrite(message))
        {
            // The subject only: the body holds confirmation and reset links.
            LogDropped(logger, message.Subject);
        }
    }

    internal ChannelReader<MimeMessage> Reader => _queue.Reader;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail outbox full (1000 waiting): mail \"{Subject}\" dropped")]
    private static partial void LogDropped(ILogger logger, string? subject);
}

/// <summary>
/// Sends queued mail through the SMTP server of <c>Email:Smtp</c> (MailKit), or, with no host set, writes each
/// message as an .eml file to the pickup folder. A failed send is tried twice more, then logged and dropped.
/// </summary>
public sealed partial class MailDelivery(MailOutbox outbox, IOptions<EmailOptions> options, IHostEnvironment environment, ILogger<MailDelivery> logger) : BackgroundService
{
    private static readonly TimeSpan[] Backoff = [TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(10)];

    public static string PickupFolder(EmailOptions options, string contentRoot) =>
        options.PickupFolder is { Length: > 0 } folder ? folder : Path.Join(contentRoot, "App_Data", "mail");

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                await DeliverWithRetriesAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task DeliverWithRetriesAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await DeliverAsync(message, cancellationToken);
                return;
            }
            catch (Exception e) when (e is IOException or SmtpCommandException or SmtpProtocolException or MailKit.Security.AuthenticationException or System.Net.Sockets.SocketException or UnauthorizedAccessException)
            {
                if (attempt >= Backoff.Length)
                {
                    LogFailed(logger, e, message.Subject);
                    return;
                }

                await Task.Delay(Backoff[attempt], cancellationToken);
            }
        }
    }

    private async Task DeliverAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
        {
            var folder = PickupFolder(settings, environment.ContentRootPath);
            Directory.CreateDirectory(folder);
            var path = Path.Join(folder, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():n}.eml");
            await message.WriteToAsync(path, cancellationToken);
            LogWritten(logger, message.Subject, path);
            return;
        }

        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, settings.Smtp.EffectiveSecurity, cancellationToken);
        if (!string.IsNullOrEmpty(settings.Smtp.Username))
        {
            await client.AuthenticateAsync(settings.Smtp.Username, settings.Smtp.Password ?? "", cancellationToken);
        }

        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        LogSent(logger, message.Subject, settings.Smtp.Host);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Mail \"{Subject}\" sent through {SmtpHost}")]
    private static partial void LogSent(ILogger logger, string? subject, string smtpHost);

    [LoggerMessage(Level = LogLevel.Information, Message = "No SMTP server set (Email:Smtp:Host): mail \"{Subject}\" written to {Path}")]
    private static partial void LogWritten(ILogger logger, string? subject, string path);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mail \"{Subject}\" could not be sent; dropped after three attempts")]
    private static partial void LogFailed(ILogger logger, Exception exception, string? subject);
}
