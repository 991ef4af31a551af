using System.CommandLine;

namespace NewsMonitor.Cli;

/// <summary>Options that several commands share, declared once so they read and behave the same everywhere.</summary>
public static class CommonOptions
{
    /// <summary>
    /// The FEED... argument of scan and topics test. A token that looks like an option is an unknown option, not a
    /// feed: without this check it would be read as a file name and fail as a feed (exit 1) instead of a usage error.
    /// </summary>
    public static Argument<string[]> Feeds(string description)
    {
        var feeds = new Argument<string[]>("FEED") { Description = description, Arity = ArgumentArity.OneOrMore };
        feeds.Validators.Add(result =>
        {
            foreach (var token in result.Tokens.Where(t => t.Value.Length > 1 && t.Value.StartsWith('-')))
                result.AddError($"Unrecognized option '{token.Value}'. A feed file whose name starts with '-' can be given as ./{token.Value}.");
        });
        return feeds;
    }

    public static Option<string> Topics() => new("--topics")
    {
        Description = "Topics file: a JSON array of { id, name, query }.",
        DefaultValueFactory = _ => "seeds/topics.json",
        HelpName = "FILE",
    };

    public static Option<bool> AllowPrivateNetworks() => new("--allow-private-networks")
    {
        Description = "Allow feeds and webhooks on loopback and private addresses (local development and tests only).",
    };

    public static Option<string> Format() 
    {
        var format = new Option<string>("--format") { Description = "Output format: text or json (one JSON object per line).", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        return format;
    }

    public static Option<string?> Data() => new("--data")
    {
        Description = "Keep all state in this folder (embedded storage, no server needed). Default: ./.monitor",
        HelpName = "DIR",
    };

    public static Option<string?> Storage() => new("--storage")
    {
        Description = "Azure Storage connection string (e.g. \"UseDevelopmentStorage=true\" for Azurite) instead of --data.",
        HelpName = "CONNECTION_STRING",
    };

    public static Option<string> Api() => new("--api")
    {
        Description = "Base URL of a running host (monitor run, or the Function App). Env: MONITOR_API_URL.",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MONITOR_API_URL") ?? "http://127.0.0.1:7071",
        HelpName = "URL",
    };

    public static Option<string?> ApiKey() => new("--api-key")
    {
        Description = "API key sent as x-functions-key. Env: MONITOR_API_KEY (or Monitor__ApiKey).",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("MONITOR_API_KEY") ?? Environment.GetEnvironmentVariable("Monitor__ApiKey"),
        HelpName = "KEY",
    };
}
