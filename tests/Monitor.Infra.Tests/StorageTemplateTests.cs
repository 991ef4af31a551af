using System.Text.Json;

namespace NewsMonitor.Tests;

/// <summary>The storage account holds the service's data and is reachable only with Entra ID over HTTPS.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class StorageTemplateTests(CompiledTemplate compiled)
{
    private ArmTemplate Template => compiled.Template;

    [Fact]
    public void Account_refuses_keys_plain_http_old_tls_and_anonymous_reads()
    {
        var account = Template.Single("Microsoft.Storage/storageAccounts").Properties;

        Assert.False(account.GetProperty("allowSharedKeyAccess").GetBoolean());
        Assert.True(account.GetProperty("supportsHttpsTrafficOnly").GetBoolean());
        Assert.Equal("TLS1_2", account.GetProperty("minimumTlsVersion").GetString());
        Assert.False(account.GetProperty("allowBlobPublicAccess").GetBoolean());
        // The portal and tools then use Entra ID too instead of asking for keys.
        Assert.True(account.GetProperty("defaultToOAuthAuthentication").GetBoolean());
    }

    [Fact]
    public void Data_and_deployment_containers_exist_and_are_private()
    {
        var containers = Template.OfType("Microsoft.Storage/storageAccounts/blobServices/containers").ToList();
        var names = containers.Select(c => LastSegment(c.ResolveLiteral(ContainerNameParameter(c)))).ToList();

        Assert.Contains("newsmonitor", names);
        Assert.Contains("app-package", names);
        Assert.All(containers, c => Assert.Equal("None", c.Properties.GetProperty("publicAccess").GetString()));
    }

    [Fact]
    public void Queues_for_feed_polls_and_alert_deliveries_exist_with_their_poison_queues()
    {
        var queues = Template.Single("Microsoft.Storage/storageAccounts/queueServices/queues");
        // The queues are one resource looped over the queueNames variable.
        Assert.Contains("variables('queueNames')[copyIndex()]", queues.Name);
        var names = queues.Variable("queueNames").EnumerateArray().Select(q => q.GetString()).ToList();

        Assert.Equal(["feed-polls", "feed-polls-poison", "alert-deliveries", "alert-deliveries-poison"], names);
    }

    [Fact]
    public void Deployment_container_is_the_one_flex_consumption_deploys_from()
    {
        var site = Template.Single("Microsoft.Web/sites").Properties;
        var storage = site.GetProperty("functionAppConfig").GetProperty("deployment").GetProperty("storage");
        var storageModule = Template.Module("storage");

        Assert.Equal("blobContainer", storage.GetProperty("type").GetString());
        // The function-app module receives the container name from the storage module's output.
        Assert.Contains("deploymentContainerName", storage.GetProperty("value").GetString());
        Assert.Contains("outputs.deploymentContainerName",
            Template.Module("function-app").Properties.GetProperty("parameters").GetProperty("deploymentContainerName").GetProperty("value").GetString());
        Assert.Equal("app-package",
            storageModule.Properties.GetProperty("template").GetProperty("parameters").GetProperty("deploymentContainerName").GetProperty("defaultValue").GetString());
    }

    // Container resources are named "[format('{0}/{1}/{2}', parameters('name'), 'default', parameters('x'))]".
    private static string ContainerNameParameter(ArmResource container)
    {
        var match = System.Text.RegularExpressions.Regex.Match(container.Name, @"parameters\('(?<p>[A-Za-z]+ContainerName)'\)");
        Assert.True(match.Success, $"unexpected container name expression {container.Name}");
        return $"[parameters('{match.Groups["p"].Value}')]";
    }

    private static string LastSegment(string name) => name.Split('/')[^1];
}
