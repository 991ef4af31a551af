using Microsoft.Extensions.DependencyInjection;
using NewsMonitor.Feeds;
using NewsMonitor.Scanning;
using NewsMonitor.Topics;

namespace NewsMonitor.Cli;

/// <summary>What the read-only commands (scan, topics test) need from Monitor.Core, built without a host.</summary>
public static class CliServices
{
    public static ServiceProvider ForScanning(bool allowPrivateNetworks)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddFeedReading(o => o.AllowPrivateNetworks = allowPrivateNetworks);
        services.AddSingleton<FeedScan>();
        return services.BuildServiceProvider();
    }

    /// <summary>
    /// The stderr line for a feed that could not be read: its source and the reason. A feed refused by the network
    /// guard also says which flag allows it, since that is all a user on loopback or a LAN needs to know.
    /// </summary>
    public static string FailureLine(FeedFailure failure, bool allowPrivateNetworks) =>
        !allowPrivateNetworks && failure.Reason.StartsWith("refused: ", StringComparison.Ordinal)
            ? $"error: {failure.Source}: {failure.Reason}; pass --allow-private-networks to read it (local development and tests only)"
            : $"error: {failure.Source}: {failure.Reason}";

    /// <summary>Loads a topics file, turning its problems into a usage error (exit code 2) that names the file, topic and reason.</summary>
    public static IReadOnlyList<Topic> LoadTopics(string path) => LoadTopicsDocument(path).Topics;

    /// <summary>A topics file's topics and named term lists; problems become a usage error as in <see cref="LoadTopics"/>.</summary>
    public static TopicsDocument LoadTopicsDocument(string path)
    {
        var resolved = Hosting.ContentPaths.Resolve(path);
        if (!File.Exists(resolved)) throw new UsageException($"The topics file '{path}' does not exist. Pass --topics FILE.");
        try
        {
            return TopicsFile.LoadDocument(resolved);
        }
        catch (TopicsFileException e)
        {
            throw new UsageException(e.Message);
        }
    }
}
