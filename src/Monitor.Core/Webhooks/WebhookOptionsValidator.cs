using Microsoft.Extensions.Options;

namespace NewsMonitor.Webhooks;

/// <summary>Rejects settings that would make delivery hang, never retry, or retry forever, at start-up rather than at the first alert.</summary>
public sealed class WebhookOptionsValidator : IValidateOptions<WebhookOptions>
{
    private static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(2);

    public ValidateOptionsResult Validate(string? name, WebhookOptions options)
    {
        var failures = new List<string>();
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > MaxTimeout)
            failures.Add($"{WebhookOptions.SectionName}:Timeout must be more than zero and at most {MaxTimeout}.");
        if (options.MaxRetryAfter < TimeSpan.Zero)
            failures.Add($"{WebhookOptions.SectionName}:MaxRetryAfter must not be negative.");
        if (!RetrySchedule.TryParseDelays(options.RetryDelays, out _, out var reason))
            failures.Add($"{WebhookOptions.SectionName}:RetryDelays: {reason}");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
