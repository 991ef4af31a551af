using System.Diagnostics;
using System.Reflection;

namespace NewsMonitor.Tests;

/// <summary>Runs the Bicep CLI that NuGet restored (package Azure.Bicep.CommandLine.linux-x64); no network needed.</summary>
internal static class BicepCli
{
    public sealed record Result(int ExitCode, string StandardOutput, string StandardError)
    {
        public override string ToString() => $"exit {ExitCode}\nstdout:\n{StandardOutput}\nstderr:\n{StandardError}";
    }

    /// <summary>The executable's path, written into the assembly at build time from the package's restore folder.</summary>
    public static string Executable { get; } = Locate();

    public static Result Run(params string[] arguments)
    {
        var start = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        // Keep the CLI from looking for updates or sending usage data: the tests must stay offline.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {Executable}.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"bicep {string.Join(' ', arguments)} ran for more than 3 minutes.");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }

    private static string Locate()
    {
        var path = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "BicepExecutable").Value;
        if (string.IsNullOrEmpty(path) || !File.Exists(path))
            throw new FileNotFoundException($"Bicep CLI not found at '{path}'; restore tests/Monitor.Infra.Tests first.", path);

        // NuGet does not always keep the execute bit when it extracts a package. (The package is linux-x64 only.)
        if (OperatingSystem.IsWindows())
            return path;
        var mode = File.GetUnixFileMode(path);
        if ((mode & UnixFileMode.UserExecute) == 0)
            File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        return path;
    }
}
