using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.Tests;

/// <summary>Least-privilege roles for the app's identity, Entra-only telemetry, and no secrets anywhere.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed partial class AccessTemplateTests(CompiledTemplate compiled)
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private ArmTemplate Template => compiled.Template;

    [Theory]
    [InlineData(StorageBlobDataOwner, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageQueueDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(StorageTableDataContributor, "Microsoft.Storage/storageAccounts")]
    [InlineData(MonitoringMetricsPublisher, "Microsoft.Insights/components")]
    public void The_app_identity_holds_each_role_on_exactly_its_resource(string roleId, string scopeType)
    {
        var assignments = Template.OfType("Microsoft.Authorization/roleAssignments")
            .Where(a => a.Path == "main/app-roles" && RoleIds(a).Contains(roleId))
            .ToList();

        var assignment = Assert.Single(assignments);
        Assert.Contains($"resourceId('{scopeType}'", assignment.Scope);
        Assert.Contains("parameters('principalId')", assignment.Properties.GetProperty("principalId").GetString());
        Assert.Contains("subscriptionResourceId('Microsoft.Authorization/roleDefinitions'",
            assignment.Properties.GetProperty("roleDefinitionId").GetString());
    }

    [Fact]
    public void App_roles_go_to_the_managed_identity_as_a_service_principal()
    {
        var parameters = Template.Module("app-roles").Properties.GetProperty("parameters");

        Assert.Equal("ServicePrincipal", parameters.GetProperty("principalType").GetProperty("value").GetString());
        Assert.Contains("outputs.principalId", parameters.GetProperty("principalId").GetProperty("value").GetString());
        // The module reading the identity's output is the identity module, not some other principal.
        Assert.Contains("'identity'", parameters.GetProperty("principalId").GetProperty("value").GetString());
    }

    [Fact]
    public void Roles_are_no_broader_than_the_four_data_roles()
    {
        var granted = Template.OfType("Microsoft.Authorization/roleAssignments").SelectMany(RoleIds).ToHashSet();

        Assert.Equal(
            new HashSet<string> { StorageBlobDataOwner, StorageQueueDataContributor, StorageTableDataContributor, MonitoringMetricsPublisher },
            granted);
        // Nothing at subscription or resource-group scope: every assignment names its resource.
        Assert.All(Template.OfType("Microsoft.Authorization/roleAssignments"), a => Assert.NotNull(a.Scope));
    }

    [Fact]
    public void The_deploying_developer_gets_roles_only_when_a_principal_is_given()
    {
        var developer = Template.Module("developer-roles");

        Assert.Equal("[not(empty(parameters('principalId')))]", developer.Json.GetProperty("condition").GetString());
        Assert.Equal("[parameters('principalType')]",
            developer.Properties.GetProperty("parameters").GetProperty("principalType").GetProperty("value").GetString());
    }

    [Fact]
    public void Application_insights_accepts_only_entra_id_and_sends_to_log_analytics()
    {
        var insights = Template.Single("Microsoft.Insights/components").Properties;
        var workspace = Template.Single("Microsoft.OperationalInsights/workspaces");

        Assert.True(insights.GetProperty("DisableLocalAuth").GetBoolean());
        Assert.Contains("Microsoft.OperationalInsights/workspaces", insights.GetProperty("WorkspaceResourceId").GetString());
        Assert.Equal("PerGB2018", workspace.Properties.GetProperty("sku").GetProperty("name").GetString());
    }

    [Fact]
    public void Every_resource_type_of_the_deployment_is_present()
    {
        string[] expected =
        [
            "Microsoft.Resources/resourceGroups",
            "Microsoft.ManagedIdentity/userAssignedIdentities",
            "Microsoft.Storage/storageAccounts",
            "Microsoft.Storage/storageAccounts/blobServices",
            "Microsoft.Storage/storageAccounts/blobServices/containers",
            "Microsoft.Storage/storageAccounts/queueServices",
            "Microsoft.Storage/storageAccounts/queueServices/queues",
            "Microsoft.OperationalInsights/workspaces",
            "Microsoft.Insights/components",
            "Microsoft.Authorization/roleAssignments",
            "Microsoft.Web/serverfarms",
            "Microsoft.Web/sites",
            "Microsoft.Web/sites/config",
        ];
        var present = Template.Resources.Select(r => r.Type).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.All(expected, type => Assert.Contains(type, present));
    }

    [Fact]
    public void Every_resource_carries_the_azd_environment_tag()
    {
        // azd finds an environment's resources (and `azd down` deletes them) by this tag.
        var mainTags = Template.Root.GetProperty("variables").GetProperty("tags");
        Assert.Equal("[parameters('environmentName')]", mainTags.GetProperty("azd-env-name").GetString());

        var located = Template.Resources.Where(r => r.Json.TryGetProperty("location", out _)).ToList();
        // Resource group, identity, storage, workspace, Application Insights, plan and site.
        Assert.Equal(7, located.Count);
        Assert.All(located, r =>
        {
            Assert.True(r.Json.TryGetProperty("tags", out var tags), $"{r} has no tags");
            if (r.Path == "main")
            {
                Assert.Equal("[variables('tags')]", tags.GetString());
                return;
            }
            // In a module the tags come from its tags parameter, which main.bicep sets to its tags variable.
            Assert.Contains("parameters('tags')", tags.GetString());
            var module = Template.Module(r.Path.Split('/')[^1]);
            Assert.Equal("[variables('tags')]",
                module.Properties.GetProperty("parameters").GetProperty("tags").GetProperty("value").GetString());
        });
    }

    [Theory]
    [InlineData("listKeys(")]
    [InlineData("listkeys(")]
    [InlineData("AccountKey=")]
    [InlineData("DefaultEndpointsProtocol")]
    [InlineData("SharedAccessSignature")]
    [InlineData("InstrumentationKey=")]
    [InlineData("listConnectionStrings")]
    public void No_key_or_keyed_connection_string_appears_anywhere(string needle)
    {
        Assert.DoesNotContain(needle, Template.Text, StringComparison.OrdinalIgnoreCase);
        foreach (var file in Directory.EnumerateFiles(Repository.Infra, "*.*", SearchOption.AllDirectories))
            Assert.DoesNotContain(needle, File.ReadAllText(file), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void No_output_exposes_a_connection_string_or_key()
    {
        var outputs = Template.Root.GetProperty("outputs").EnumerateObject().Select(o => o.Name).ToList();

        Assert.Contains("AZURE_FUNCTION_APP_NAME", outputs);
        Assert.DoesNotContain(outputs, o => o.Contains("CONNECTION", StringComparison.OrdinalIgnoreCase)
            || o.Contains("KEY", StringComparison.OrdinalIgnoreCase) || o.Contains("SECRET", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Role definition GUIDs an assignment can grant: literal in its expressions or held in the variables they read.</summary>
    private static HashSet<string> RoleIds(ArmResource assignment)
    {
        var expression = assignment.Properties.GetProperty("roleDefinitionId").GetString()!;
        var text = expression + string.Concat(VariableReference().Matches(expression)
            .Select(m => assignment.Variable(m.Groups["v"].Value).GetRawText()));
        return Guid().Matches(text).Select(m => m.Value.ToLowerInvariant()).ToHashSet();
    }

    [GeneratedRegex(@"variables\('(?<v>[^']+)'\)")]
    private static partial Regex VariableReference();

    [GeneratedRegex("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")]
    private static partial Regex Guid();
}
