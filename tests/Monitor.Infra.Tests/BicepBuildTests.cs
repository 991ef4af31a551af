namespace NewsMonitor.Tests;

/// <summary>The infrastructure compiles and passes the linter with every rule of infra/bicepconfig.json.</summary>
[Collection(CompiledTemplateCollection.Name)]
public sealed class BicepBuildTests(CompiledTemplate compiled)
{
    [Fact]
    public void Build_succeeds_without_warnings()
    {
        Assert.True(compiled.Build.ExitCode == 0, compiled.Build.ToString());
        // Diagnostics go to stderr; a clean build prints none, not even warnings.
        Assert.True(string.IsNullOrWhiteSpace(compiled.Build.StandardError), compiled.Build.ToString());
        Assert.Contains("\"$schema\"", compiled.Build.StandardOutput);
    }

    [Fact]
    public void Lint_reports_nothing()
    {
        var lint = BicepCli.Run("lint", Repository.MainBicep);
        Assert.True(lint.ExitCode == 0, lint.ToString());
        Assert.True(string.IsNullOrWhiteSpace(lint.StandardError + lint.StandardOutput), lint.ToString());
    }

    [Fact]
    public void Bicepconfig_turns_lint_findings_into_errors()
    {
        // A scratch file with one finding per rule, next to a copy of infra/bicepconfig.json: each finding must
        // be reported as an error and fail the lint. One file keeps it to a single run of the CLI.
        const string probe = """
            param unused string
            param adminPassword string
            output passwordLength int = length(adminPassword)
            output portal string = 'https://management.azure.com/'
            resource id 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
              name: 'x'
              location: 'westeurope'
            }
            """;
        var dir = Directory.CreateTempSubdirectory("bicep-rule-");
        try
        {
            File.Copy(Path.Combine(Repository.Infra, "bicepconfig.json"), Path.Combine(dir.FullName, "bicepconfig.json"));
            var file = Path.Combine(dir.FullName, "probe.bicep");
            File.WriteAllText(file, probe);

            var lint = BicepCli.Run("lint", file);

            Assert.NotEqual(0, lint.ExitCode);
            foreach (var rule in new[] { "no-unused-params", "secure-secrets-in-params", "no-hardcoded-env-urls", "no-hardcoded-location" })
                Assert.Contains($"Error {rule}", lint.StandardError);
            Assert.DoesNotContain("Warning", lint.StandardError);
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public void Only_local_modules_are_used()
    {
        // Registry modules (br:, br/public:, ts:) need network access to restore; the build must work offline.
        foreach (var file in Directory.EnumerateFiles(Repository.Infra, "*.bicep", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file).Where(l => l.TrimStart().StartsWith("module ", StringComparison.Ordinal)))
            {
                Assert.DoesNotMatch(@"'(br|ts)[:/]", line);
                var target = System.Text.RegularExpressions.Regex.Match(line, @"'(?<path>[^']+\.bicep)'").Groups["path"].Value;
                Assert.True(File.Exists(Path.Combine(Path.GetDirectoryName(file)!, target)), $"{file}: {line}");
            }
        }
    }
}
