using System.Text.Json;

namespace NewsMonitor.Tests;

/// <summary>The function app runs .NET 10 isolated on Flex Consumption and connects to storage with its identity.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class FunctionAppTemplateTests(CompiledTemplate compiled)
{
    private ArmTemplate Template => compiled.Template;

    private Dictionary<string, string> AppSettings =>
        Template.Single("Microsoft.Web/sites/config").Properties.EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText());

    [Fact]
    public void Plan_is_flex_consumption_on_linux()
    {
        var plan = Template.Single("Microsoft.Web/serverfarms");
        var sku = plan.Json.GetProperty("sku");

        Assert.Equal("FC1", sku.GetProperty("name").GetString());
        Assert.Equal("FlexConsumption", sku.GetProperty("tier").GetString());
        Assert.True(plan.Properties.GetProperty("reserved").GetBoolean());
    }

    [Fact]
    public void Site_runs_dotnet_isolated_10_on_the_flex_plan_over_https_only()
    {
        var site = Template.Single("Microsoft.Web/sites");
        var config = site.Properties.GetProperty("functionAppConfig");
        var runtime = config.GetProperty("runtime");

        Assert.Equal("functionapp,linux", site.Json.GetProperty("kind").GetString());
        Assert.Equal("dotnet-isolated", runtime.GetProperty("name").GetString());
        Assert.Equal("10.0", runtime.GetProperty("version").GetString());
        Assert.Contains("Microsoft.Web/serverfarms", site.Properties.GetProperty("serverFarmId").GetString());
        Assert.True(site.Properties.GetProperty("httpsOnly").GetBoolean());
        Assert.Equal("1.2", site.Properties.GetProperty("siteConfig").GetProperty("minTlsVersion").GetString());

        var scale = config.GetProperty("scaleAndConcurrency");
        Assert.Contains("instanceMemoryMB", scale.GetProperty("instanceMemoryMB").GetString());
        Assert.Contains("maximumInstanceCount", scale.GetProperty("maximumInstanceCount").GetString());
    }

    [Fact]
    public void Site_runs_as_the_user_assigned_identity_and_deploys_with_it()
    {
        var site = Template.Single("Microsoft.Web/sites");
        var identity = site.Json.GetProperty("identity");
        var auth = site.Properties.GetProperty("functionAppConfig").GetProperty("deployment")
            .GetProperty("storage").GetProperty("authentication");

        Assert.Equal("UserAssigned", identity.GetProperty("type").GetString());
        var assigned = Assert.Single(identity.GetProperty("userAssignedIdentities").EnumerateObject());
        const string identityId = "resourceId('Microsoft.ManagedIdentity/userAssignedIdentities', parameters('identityName'))";
        Assert.Contains(identityId, assigned.Name);
        Assert.Equal("UserAssignedIdentity", auth.GetProperty("type").GetString());
        Assert.Equal($"[{identityId}]", auth.GetProperty("userAssignedIdentityResourceId").GetString());
    }

    [Fact]
    public void Site_is_tagged_for_azd_service_api()
    {
        var tags = Template.Single("Microsoft.Web/sites").Json.GetProperty("tags").GetString()!;
        // union(tags, { 'azd-service-name': 'api' }) compiles to an expression that carries the literal.
        Assert.Contains("'azd-service-name', 'api'", tags);
    }

    [Fact]
    public void Host_storage_is_reached_through_the_managed_identity()
    {
        var settings = AppSettings;

        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
        Assert.Contains("clientId", settings["AzureWebJobsStorage__clientId"]);
        Assert.Contains("primaryEndpoints.blob", settings["AzureWebJobsStorage__blobServiceUri"]);
        Assert.Contains("primaryEndpoints.queue", settings["AzureWebJobsStorage__queueServiceUri"]);
        Assert.Contains("primaryEndpoints.table", settings["AzureWebJobsStorage__tableServiceUri"]);
        // A plain AzureWebJobsStorage setting would be a connection string, i.e. a key.
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Contains("clientId", settings["AZURE_CLIENT_ID"]);
    }

    [Fact]
    public void Telemetry_authenticates_with_entra_id()
    {
        var settings = AppSettings;

        Assert.Contains("ConnectionString", settings["APPLICATIONINSIGHTS_CONNECTION_STRING"]);
        var auth = settings["APPLICATIONINSIGHTS_AUTHENTICATION_STRING"];
        Assert.Contains("ClientId=", auth);
        Assert.Contains("Authorization=AAD", auth);
        Assert.DoesNotContain("APPINSIGHTS_INSTRUMENTATIONKEY", settings.Keys);
    }

    [Fact]
    public void Service_settings_are_present()
    {
        var settings = AppSettings;
        var module = Template.Module("function-app").Properties.GetProperty("parameters");

        Assert.Equal("[parameters('pollSchedule')]", settings["PollSchedule"]);
        // main.bicep passes its own pollSchedule parameter through, whose default is every 5 minutes.
        Assert.Equal("[parameters('pollSchedule')]", module.GetProperty("pollSchedule").GetProperty("value").GetString());
        Assert.Equal("0 */5 * * * *",
            Template.Root.GetProperty("parameters").GetProperty("pollSchedule").GetProperty("defaultValue").GetString());
        Assert.Equal("false", settings["Monitor__AllowPrivateNetworks"]);
        Assert.Contains("webhooksRequireHttps", settings["Monitor__Webhooks__RequireHttps"]);
        Assert.True(Template.Root.GetProperty("parameters").GetProperty("webhooksRequireHttps").GetProperty("defaultValue").GetBoolean());
        Assert.Contains("dataContainerName", settings["Monitor__Storage__ContainerName"]);
        Assert.Contains("primaryEndpoints.blob", settings["Monitor__Storage__BlobServiceUri"]);
        Assert.Contains("primaryEndpoints.queue", settings["Monitor__Storage__QueueServiceUri"]);
    }

    [Theory]
    [InlineData("FUNCTIONS_WORKER_RUNTIME")]
    [InlineData("FUNCTIONS_EXTENSION_VERSION")]
    [InlineData("WEBSITE_RUN_FROM_PACKAGE")]
    [InlineData("WEBSITE_CONTENTAZUREFILECONNECTIONSTRING")]
    public void Settings_that_flex_consumption_rejects_are_absent(string setting)
    {
        // Flex Consumption takes runtime and package from functionAppConfig and refuses these settings.
        Assert.DoesNotContain(setting, AppSettings.Keys);
    }
}
