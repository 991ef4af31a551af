using System.Text.Json.Nodes;

namespace NewsMonitor.Tests.Functions;

/// <summary>
/// Finds the Functions app's build output (functions.metadata, host.json) for the configuration this test assembly was
/// built in: src/Monitor.Functions/bin/&lt;config&gt;/net10.0 when the tests run from the repository, else the copy
/// the project reference puts next to the test assembly.
/// </summary>
internal static class FunctionsBuildOutput
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The folder holding NewsMonitor.Functions.dll and its generated files.</summary>
    public static string Directory { get; } = FindOutputDirectory();

    public static string MetadataPath => Path.Combine(Directory, "functions.metadata");

    /// <summary>The function entries of functions.metadata, by name.</summary>
    public static IReadOnlyDictionary<string, JsonObject> ReadMetadata()
    {
        var entries = JsonNode.Parse(File.ReadAllText(MetadataPath))!.AsArray();
        return entries.Select(e => e!.AsObject()).ToDictionary(e => (string)e["name"]!, StringComparer.Ordinal);
    }

    /// <summary>The binding of the function that is its trigger (type ending in "Trigger").</summary>
    public static JsonObject Trigger(JsonObject function) =>
        function["bindings"]!.AsArray().Select(b => b!.AsObject()).Single(b => ((string)b["type"]!).EndsWith("Trigger", StringComparison.Ordinal));

    private static string FindRepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "host.json")) && File.Exists(Path.Combine(dir.FullName, "Monitor.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No repository root (host.json beside Monitor.sln) above {AppContext.BaseDirectory}.");
    }

    private static string FindOutputDirectory()
    {
        // The test assembly sits in tests/Monitor.Hosts.Tests/bin/<config>/<tfm>/: the Functions app was built in the same ones.
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var functionsOutput = Path.Combine(RepositoryRoot, "src", "Monitor.Functions", "bin", configuration, framework);
        if (File.Exists(Path.Combine(functionsOutput, "functions.metadata")))
            return functionsOutput;
        if (File.Exists(Path.Combine(AppContext.BaseDirectory, "functions.metadata")))
            return AppContext.BaseDirectory;
        throw new InvalidOperationException(
            $"No functions.metadata in {functionsOutput} nor in {AppContext.BaseDirectory}: build src/Monitor.Functions ({configuration}) first.");
    }
}
