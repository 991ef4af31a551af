using Microsoft.Extensions.Options;

namespace NewsMonitor.Feeds;

/// <summary>Rejects settings that would make reading unsafe or impossible, so a bad configuration stops the host at start.</summary>
public sealed class FeedReadingOptionsValidator : IValidateOptions<FeedReadingOptions>
{
    public ValidateOptionsResult Validate(string? name, FeedReadingOptions options)
    {
        var failures = new List<string>();
        if (options.MaxBodyBytes < 1024) failures.Add($"{nameof(options.MaxBodyBytes)} must be at least 1024 bytes.");
        RequirePositive(options.ConnectTimeout, nameof(options.ConnectTimeout), failures);
        RequirePositive(options.ReadTimeout, nameof(options.ReadTimeout), failures);
        RequirePositive(options.TotalTimeout, nameof(options.TotalTimeout), failures);
        RequirePositive(options.PollInterval, nameof(options.PollInterval), failures);
        if (options.MaxConcurrentPerHost is < 1 or > 64) failures.Add($"{nameof(options.MaxConcurrentPerHost)} must be between 1 and 64.");
        if (options.MaxRedirects is < 0 or > 20) failures.Add($"{nameof(options.MaxRedirects)} must be between 0 and 20.");
        if (string.IsNullOrWhiteSpace(options.UserAgent) || options.UserAgent.Any(char.IsControl))
            failures.Add($"{nameof(options.UserAgent)} must be a non-empty single line naming the service.");
        if (options.MaxPollInterval < options.PollInterval)
            failures.Add($"{nameof(options.MaxPollInterval)} must not be shorter than {nameof(options.PollInterval)}.");
        if (options.MaxErrorBackoff < options.PollInterval)
            failures.Add($"{nameof(options.MaxErrorBackoff)} must not be shorter than {nameof(options.PollInterval)}.");
        if (options.SeenItemCapacity < 1) failures.Add($"{nameof(options.SeenItemCapacity)} must be at least 1.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void RequirePositive(TimeSpan value, string name, List<string> failures)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1)) failures.Add($"{name} must be positive and at most a day.");
    }
}
