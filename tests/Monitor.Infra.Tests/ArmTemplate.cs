using System.Text.Json;
using System.Text.RegularExpressions;

namespace NewsMonitor.Tests;

/// <summary>One resource of the compiled ARM template, with the (possibly nested) template that declares it.</summary>
internal sealed record ArmResource(JsonElement Json, JsonElement Template, string Path)
{
    public string Type => Json.GetProperty("type").GetString()!;

    public string Name => Json.GetProperty("name").GetString()!;

    public JsonElement Properties => Json.GetProperty("properties");

    public override string ToString() => $"{Type} {Name} ({Path})";

    public string? Scope => Json.TryGetProperty("scope", out var scope) ? scope.GetString() : null;

    /// <summary>Value of a variable of the declaring template.</summary>
    public JsonElement Variable(string name) => Template.GetProperty("variables").GetProperty(name);

    /// <summary>Default value of a parameter of the declaring template.</summary>
    public JsonElement ParameterDefault(string name) =>
        Template.GetProperty("parameters").GetProperty(name).GetProperty("defaultValue");

    /// <summary>
    /// A string property that is either a literal or a plain <c>[parameters('x')]</c> reference, resolved
    /// through the parameter's default value (modules that main.bicep does not override).
    /// </summary>
    public string ResolveLiteral(string expression)
    {
        var match = Regex.Match(expression, @"^\[parameters\('(?<p>[^']+)'\)\]$");
        return match.Success ? ParameterDefault(match.Groups["p"].Value).GetString()! : expression;
    }
}

/// <summary>The JSON that <c>bicep build infra/main.bicep</c> produces, with its nested module templates flattened.</summary>
internal sealed class ArmTemplate
{
    public ArmTemplate(string json)
    {
        Text = json;
        Root = JsonDocument.Parse(json).RootElement.Clone();
        Resources = Flatten(Root, "main").ToList();
    }

    public string Text { get; }

    public JsonElement Root { get; }

    public IReadOnlyList<ArmResource> Resources { get; }

    public IEnumerable<ArmResource> OfType(string type) =>
        Resources.Where(r => string.Equals(r.Type, type, StringComparison.OrdinalIgnoreCase));

    public ArmResource Single(string type)
    {
        var found = OfType(type).ToList();
        Assert.True(found.Count == 1, $"expected exactly one {type}, found {found.Count}");
        return found[0];
    }

    /// <summary>The module deployment (Microsoft.Resources/deployments) with this name.</summary>
    public ArmResource Module(string name) =>
        OfType("Microsoft.Resources/deployments").Single(d => d.Name == name);

    private static IEnumerable<ArmResource> Flatten(JsonElement template, string path)
    {
        var resources = template.GetProperty("resources");
        // Templates with symbolic names (languageVersion 2.0) hold an object; classic ones an array.
        var items = resources.ValueKind == JsonValueKind.Object
            ? resources.EnumerateObject().Select(p => p.Value)
            : resources.EnumerateArray();
        foreach (var resource in items)
        {
            var current = new ArmResource(resource, template, path);
            yield return current;
            if (current.Type == "Microsoft.Resources/deployments"
                && current.Properties.TryGetProperty("template", out var nested))
            {
                foreach (var inner in Flatten(nested, $"{path}/{current.Name}"))
                    yield return inner;
            }
        }
    }
}
