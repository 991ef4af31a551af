namespace NewsMonitor.Tests;

/// <summary>How the <see cref="WebhookReceiver"/> answers a verification-of-intent GET.</summary>
public enum WebhookReceiverChallenge
{
    /// <summary>200 with exactly the challenge.</summary>
    Echo,

    /// <summary>200 with the challenge and a newline, as <c>echo</c> would.</summary>
    EchoWithNewline,

    /// <summary>200 with something other than the challenge.</summary>
    WrongBody,

    /// <summary>404: not a receiver of these alerts.</summary>
    NotFound,

    /// <summary>Never answers, until the verifier gives up or the receiver stops.</summary>
    NoAnswer,
}
