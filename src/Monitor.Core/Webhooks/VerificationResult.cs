namespace NewsMonitor.Webhooks;

/// <summary>Whether a subscription URL confirmed that it wants alerts, and if not, why.</summary>
public sealed record VerificationResult(bool IsVerified, string? FailureReason)
{
    public static VerificationResult Verified { get; } = new(true, null);

    public static VerificationResult Failed(string reason) => new(false, reason);
}
