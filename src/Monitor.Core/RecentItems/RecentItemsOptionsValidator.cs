using Microsoft.Extensions.Options;

namespace NewsMonitor.RecentItems;

/// <summary>Bounds the store: a month at most, so "recent" cannot quietly become "forever".</summary>
public sealed class RecentItemsOptionsValidator : IValidateOptions<RecentItemsOptions>
{
    public const int MaxDays = 31;

    public ValidateOptionsResult Validate(string? name, RecentItemsOptions options)
    {
        var failures = new List<string>();
        if (options.Days is < 0 or > MaxDays)
            failures.Add($"{RecentItemsOptions.SectionName}:{nameof(options.Days)} must be between 0 (off) and {MaxDays}, not {options.Days}.");
        if (options.MaxSummaryChars is < 0 or > 100_000)
            failures.Add($"{RecentItemsOptions.SectionName}:{nameof(options.MaxSummaryChars)} must be between 0 and 100000, not {options.MaxSummaryChars}.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
