namespace NewsMonitor.Channels;

/// <summary>
/// The code a chat or e-mail subscription must send back (POST /verify or the e-mail's link) to become active. Only
/// its hash is stored; <see cref="FailedAttempts"/> bounds guessing.
/// </summary>
public sealed record CodeVerification
{
    public required string CodeHash { get; init; }
    public required DateTimeOffset SentAt { get; init; }
    public int FailedAttempts { get; init; }
}
