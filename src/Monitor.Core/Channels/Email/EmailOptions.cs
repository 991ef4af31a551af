namespace NewsMonitor.Channels.Email;

/// <summary>
/// The SMTP server e-mail alerts go through (section <c>Monitor:Email</c>). In Azure, set
/// <c>Monitor__Email__Password</c> as a Key Vault reference app setting
/// (<c>@Microsoft.KeyVault(SecretUri=...)</c>) so the password never sits in the app's configuration.
/// </summary>
public sealed class EmailOptions
{
    public const string SectionName = "Monitor:Email";

    /// <summary>The SMTP host; e-mail subscriptions are refused while it is empty.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c> (port 587, the default), <c>SslOnConnect</c> (port 465), <c>Auto</c> or <c>None</c> (local test servers only).</summary>
    public EmailSecurity Security { get; set; } = EmailSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>The From address, e.g. <c>NewsMonitor &lt;alerts@example.com&gt;</c>.</summary>
    public string? From { get; set; }

    /// <summary>How long one SMTP session (connect, authenticate, send) may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}

public enum EmailSecurity
{
    StartTls,
    SslOnConnect,
    Auto,
    None,
}
