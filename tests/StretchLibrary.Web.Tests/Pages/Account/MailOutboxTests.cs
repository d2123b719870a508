using Microsoft.Extensions.Logging;
using MimeKit;
using StretchLibrary.Web.Accounts;

namespace StretchLibrary.Web.Tests.Pages.Account;

public sealed class MailOutboxTests
{
    [Fact]
    public void A_message_dropped_because_the_outbox_is_full_is_logged_without_its_body()
    {
        var log = new Captured();
        var outbox = new MailOutbox(log);
        for (var i = 0; i < 1000; i++)
        {
            outbox.Enqueue(Message("Queued"));
        }

        Assert.Empty(log.Lines);

        outbox.Enqueue(Message("Reset your StretchLibrary password"));

        var line = Assert.Single(log.Lines);
        Assert.Equal(LogLevel.Warning, line.Level);
        Assert.Contains("Reset your StretchLibrary password", line.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-reset-token", line.Text, StringComparison.Ordinal);
    }

    private static MimeMessage Message(string subject) =>
        new() { Subject = subject, Body = new TextPart("plain") { Text = "https://example.com/reset?token=secret-reset-token" } };

    private sealed class Captured : ILogger<MailOutbox>
    {
        public List<(LogLevel Level, string Text)> Lines { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Add((logLevel, formatter(state, exception)));
    }
}
