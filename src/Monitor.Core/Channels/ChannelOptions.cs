namespace NewsMonitor.Channels;

/// <summary>Settings of the chat and e-mail channels (section <c>Monitor:Channels</c>).</summary>
public sealed class ChannelOptions
{
    public const string SectionName = "Monitor:Channels";

    /// <summary>
    /// How often the local host looks for digests that are due (NCRONTAB with seconds). A digest goes out at the first
    /// run at or after its time, so every minute keeps it within a minute. The Functions app's <c>SendDigests</c> timer
    /// runs every minute.
    /// </summary>
    public string DigestSchedule { get; set; } = "0 * * * * *";
}
