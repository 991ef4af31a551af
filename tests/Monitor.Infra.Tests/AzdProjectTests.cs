using System.Text.Json;

namespace NewsMonitor.Tests;

/// <summary>azure.yaml and infra/main.parameters.json fit together with main.bicep so `azd up` works.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class AzdProjectTests(CompiledTemplate compiled)
{
    [Fact]
    public void Azure_yaml_deploys_the_functions_project_as_service_api()
    {
        var yaml = SimpleYaml.Read(Path.Combine(Repository.Root, "azure.yaml"));

        Assert.Equal("newsmonitor", yaml["name"]);
        Assert.Equal("bicep", yaml["infra.provider"]);
        Assert.Equal("infra", yaml["infra.path"]);
        Assert.Equal("main", yaml["infra.module"]);
        Assert.Equal("./src/Monitor.Functions", yaml["services.api.project"]);
        Assert.Equal("dotnet", yaml["services.api.language"]);
        Assert.Equal("function", yaml["services.api.host"]);
        Assert.True(File.Exists(Path.Combine(Repository.Root, "src", "Monitor.Functions", "Monitor.Functions.csproj")));
    }

    [Fact]
    public void Parameters_file_sets_every_required_parameter_and_no_unknown_one()
    {
        using var file = JsonDocument.Parse(File.ReadAllText(Path.Combine(Repository.Infra, "main.parameters.json")));
        var given = file.RootElement.GetProperty("parameters").EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
        var declared = compiled.Template.Root.GetProperty("parameters").EnumerateObject().ToList();

        foreach (var name in given.Keys)
            Assert.Contains(declared, p => p.Name == name);
        foreach (var required in declared.Where(p => !p.Value.TryGetProperty("defaultValue", out _)))
            Assert.True(given.ContainsKey(required.Name), $"main.parameters.json does not set {required.Name}");

        // azd substitutes its environment's values into these placeholders.
        Assert.Equal("${AZURE_ENV_NAME}", given["environmentName"].GetProperty("value").GetString());
        Assert.Equal("${AZURE_LOCATION}", given["location"].GetProperty("value").GetString());
        Assert.Equal("${AZURE_PRINCIPAL_ID}", given["principalId"].GetProperty("value").GetString());

        // POLL_SCHEDULE falls back to the same default as the template, whichever way the deployment is run.
        var templateDefault = declared.Single(p => p.Name == "pollSchedule").Value.GetProperty("defaultValue").GetString();
        Assert.Equal($"${{POLL_SCHEDULE={templateDefault}}}", given["pollSchedule"].GetProperty("value").GetString());
    }

    [Fact]
    public void Outputs_azd_and_the_deploy_guide_rely_on_exist()
    {
        var outputs = compiled.Template.Root.GetProperty("outputs");

        foreach (var name in new[] { "AZURE_LOCATION", "AZURE_TENANT_ID", "AZURE_RESOURCE_GROUP", "AZURE_FUNCTION_APP_NAME", "AZURE_STORAGE_ACCOUNT_NAME" })
            Assert.True(outputs.TryGetProperty(name, out _), $"missing output {name}");
        // Subscription scope: one deployment creates the resource group too.
        Assert.Contains("subscriptionDeploymentTemplate.json", compiled.Template.Root.GetProperty("$schema").GetString());
        Assert.Equal("location", compiled.Template.Root.GetProperty("parameters").GetProperty("location")
            .GetProperty("metadata").GetProperty("azd").GetProperty("type").GetString());
    }
}

/// <summary>
/// Reads the block-style "key: value" subset of YAML that azure.yaml uses into dotted paths
/// ("services.api.host"); enough to check the file without a YAML library.
/// </summary>
internal static class SimpleYaml
{
    public static Dictionary<string, string> Read(string path)
    {
        var values = new Dictionary<string, string>();
        var parents = new List<(int Indent, string Key)>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Split(" #")[0].TrimEnd();
            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
                continue;
            var indent = line.Length - line.TrimStart().Length;
            var colon = line.IndexOf(':');
            if (colon < 0)
                throw new FormatException($"{path}: not a key: value line: {raw}");
            var key = line[indent..colon].Trim();
            var value = line[(colon + 1)..].Trim().Trim('"', '\'');

            parents.RemoveAll(p => p.Indent >= indent);
            var fullKey = string.Join('.', parents.Select(p => p.Key).Append(key));
            if (value.Length == 0)
                parents.Add((indent, key));
            else
                values[fullKey] = value;
        }
        return values;
    }
}
