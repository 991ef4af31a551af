using Azure.Core;
using Azure.Identity;

namespace NewsMonitor.Telemetry;

/// <summary>
/// The <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> app setting, e.g. <c>ClientId=…;Authorization=AAD</c>.
/// The Functions host honours it by itself; the OpenTelemetry exporter does not, so the worker reads it here to
/// send telemetry as the same managed identity to an Application Insights resource whose local auth is off.
/// </summary>
public sealed record ApplicationInsightsAuthentication(string? ClientId)
{
    /// <summary>Null when the value is empty or does not ask for Entra ID (<c>Authorization=AAD</c>).</summary>
    public static ApplicationInsightsAuthentication? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;

        string? clientId = null;
        var entraId = false;
        foreach (var part in value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var equals = part.IndexOf('=');
            if (equals <= 0)
                continue;
            var key = part[..equals].Trim();
            var setting = part[(equals + 1)..].Trim();
            if (key.Equals("Authorization", StringComparison.OrdinalIgnoreCase))
                entraId = setting.Equals("AAD", StringComparison.OrdinalIgnoreCase);
            else if (key.Equals("ClientId", StringComparison.OrdinalIgnoreCase) && setting.Length > 0)
                clientId = setting;
        }
        return entraId ? new ApplicationInsightsAuthentication(clientId) : null;
    }

    /// <summary>The user-assigned identity named by <see cref="ClientId"/>, else the system-assigned one.</summary>
    public TokenCredential CreateCredential() => new ManagedIdentityCredential(
        ClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.FromUserAssignedClientId(ClientId));
}
