using System.Text.Json;

namespace NewsMonitor.Tests;

/// <summary>
/// The Functions host's own telemetry reaches an Application Insights with local authentication off (issue 10). With
/// <c>"telemetryMode": "OpenTelemetry"</c> the host takes its exporter settings from the app settings only: the connection
/// string, and <c>APPLICATIONINSIGHTS_AUTHENTICATION_STRING</c> for an Entra ID token. So <c>DisableLocalAuth: true</c>
/// must come with that setting naming the identity, and host.json carries no <c>applicationInsights</c> section that
/// the host would ignore.
/// </summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class HostTelemetryTests(CompiledTemplate compiled)
{
    private static JsonElement HostJson()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Root, "host.json")));
        return document.RootElement.Clone();
    }

    [Fact]
    public void With_local_auth_off_the_host_is_given_an_entra_id_authentication_string_for_its_identity()
    {
        var template = compiled.Template;
        Assert.True(template.Single("Microsoft.Insights/components").Properties.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Equal("OpenTelemetry", HostJson().GetProperty("telemetryMode").GetString());

        var settings = template.Single("Microsoft.Web/sites/config").Properties;
        Assert.True(settings.TryGetProperty("APPLICATIONINSIGHTS_CONNECTION_STRING", out _));
        var authentication = settings.GetProperty("APPLICATIONINSIGHTS_AUTHENTICATION_STRING").GetString()!;
        Assert.Contains("Authorization=AAD", authentication);
        Assert.Contains("ClientId=", authentication);
        Assert.Contains("userAssignedIdentities", authentication); // the client id of the site's own identity
    }

    [Fact]
    public void Host_json_has_no_section_the_opentelemetry_mode_ignores_and_quiets_azure_core()
    {
        var logging = HostJson().GetProperty("logging");

        Assert.False(logging.TryGetProperty("applicationInsights", out _));
        Assert.Equal("Warning", logging.GetProperty("logLevel").GetProperty("Azure.Core").GetString());
    }
}
