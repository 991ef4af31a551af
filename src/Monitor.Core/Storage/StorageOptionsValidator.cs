using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace NewsMonitor.Storage;

/// <summary>Rejects storage options that name no single place, or name it in a form Azure would refuse.</summary>
public sealed partial class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        var chosen = new[]
        {
            !string.IsNullOrWhiteSpace(options.DataDirectory),
            !string.IsNullOrWhiteSpace(options.ConnectionString),
            options.BlobServiceUri is not null || options.QueueServiceUri is not null,
        }.Count(set => set);
        if (chosen > 1)
        {
            failures.Add("Storage: set only one of DataDirectory (--data), ConnectionString (--storage) or the service URIs.");
        }

        if (options.ResolveMode() == StorageMode.Identity)
        {
            foreach (var (uri, setting) in new[] { (options.BlobServiceUri, "BlobServiceUri"), (options.QueueServiceUri, "QueueServiceUri") })
            {
                if (uri is null || !uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http"))
                {
                    failures.Add($"Storage: identity-based access needs {setting} as an absolute http(s) URI.");
                }
            }
        }

        if (!IsValidResourceName(options.ContainerName))
        {
            failures.Add($"Storage: ContainerName '{options.ContainerName}' is not a valid container name " +
                "(3-63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>Azure's rule for container and queue names alike.</summary>
    public static bool IsValidResourceName(string? name) => name is { Length: >= 3 and <= 63 } && ResourceName().IsMatch(name);

    [GeneratedRegex("^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9]))*$")]
    private static partial Regex ResourceName();
}
