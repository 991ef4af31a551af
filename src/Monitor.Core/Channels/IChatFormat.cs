namespace NewsMonitor.Channels;

/// <summary>A chat platform's native message format: the JSON body POSTed to its incoming webhook.</summary>
public interface IChatFormat
{
    SubscriptionChannel Channel { get; }

    byte[] Alert(ChannelAlert alert);

    byte[] Digest(ChannelDigest digest);

    /// <summary>A short message of the service itself (the verification code), with <paramref name="emphasis"/> highlighted.</summary>
    byte[] Notice(string text, string emphasis);
}
