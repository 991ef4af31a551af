using Microsoft.Extensions.Options;
using MimeKit;

namespace NewsMonitor.Channels.Email;

/// <summary>Checks the SMTP settings at start, so a wrong From address or half-set credentials stop the host with a reason.</summary>
public sealed class EmailOptionsValidator : IValidateOptions<EmailOptions>
{
    public ValidateOptionsResult Validate(string? name, EmailOptions options)
    {
        if (!options.IsConfigured) return ValidateOptionsResult.Success;
        var failures = new List<string>();
        if (options.Port is < 1 or > 65535)
            failures.Add($"{EmailOptions.SectionName}:Port must be 1 to 65535, not {options.Port}.");
        if (string.IsNullOrWhiteSpace(options.From) || !MailboxAddress.TryParse(options.From, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            failures.Add($"{EmailOptions.SectionName}:From must be an e-mail address such as \"NewsMonitor <alerts@example.com>\" when {EmailOptions.SectionName}:Host is set.");
        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
            failures.Add($"{EmailOptions.SectionName}:UserName and {EmailOptions.SectionName}:Password go together: set both or neither.");
        if (options.Timeout <= TimeSpan.Zero || options.Timeout > TimeSpan.FromMinutes(5))
            failures.Add($"{EmailOptions.SectionName}:Timeout must be between 0 and 5 minutes.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
