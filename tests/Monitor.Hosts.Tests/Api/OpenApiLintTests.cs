using System.Diagnostics;
using NewsMonitor.Api;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>redocly lint</c> with the recommended rules reports no error for the OpenAPI document both hosts
/// serve. Redocly CLI comes from npm, pinned in tests/openapi-lint (tests/run.sh installs it); without it the test skips.
/// </summary>
public sealed class OpenApiLintTests
{
    [SkippableFact]
    public async Task RedoclyLintWithTheRecommendedRulesFindsNothing()
    {
        var root = Path.GetDirectoryName(typeof(OpenApiLintTests).Assembly.Location)!;
        while (!File.Exists(Path.Combine(root, "Monitor.sln"))) root = Path.GetDirectoryName(root)!;
        var redocly = Path.Combine(root, "tests", "openapi-lint", "node_modules", ".bin", "redocly");
        Skip.IfNot(File.Exists(redocly), $"Redocly CLI is not installed at {redocly}: run `npm ci --prefix tests/openapi-lint` (tests/run.sh does).");

        var folder = Directory.CreateTempSubdirectory("newsmonitor-openapi-");
        try
        {
            var document = Path.Combine(folder.FullName, "openapi.json");
            await File.WriteAllTextAsync(document, OpenApiDocument.Text);
            var start = new ProcessStartInfo(redocly, ["lint", "--format", "stylish", document])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder.FullName,
            };
            start.Environment["REDOCLY_TELEMETRY"] = "off";
            start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            var report = await output + await error;

            // With no redocly.yaml, the recommended rules apply; an error makes the exit code non-zero.
            Assert.True(process.ExitCode == 0, report);
            Assert.Contains("valid", report, StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
