using NewsMonitor.Tests.Functions;

namespace NewsMonitor.Tests.FunctionsHost;

/// <summary>
/// How to run the real Azure Functions host on this machine, in this order: Core Tools (<c>func</c>) on PATH; else a
/// folder named by <c>FUNCTIONS_HOST_DIR</c> holding <c>start-host</c>; else <c>../shared/functions-host/start-host</c>
/// beside the repository. <see cref="SkipReason"/> says why none was found.
/// </summary>
public static class FunctionsHostLocator
{
    public const string HostDirVariable = "FUNCTIONS_HOST_DIR";

    /// <summary>The command that runs the host: <c>func</c> or a start-host script; null when there is none.</summary>
    public static FunctionsHostCommand? Command { get; } = Find();

    public static string? SkipReason => Command is null
        ? $"No Azure Functions host: 'func' (Core Tools) is not on PATH, {HostDirVariable} is not set, and there is no " +
          $"start-host in {SharedStartHost} (the shared functions-host folder beside the repository)."
        : null;

    private static string SharedStartHost => Path.GetFullPath(Path.Combine(FunctionsBuildOutput.RepositoryRoot, "..", "shared", "functions-host", "start-host"));

    private static FunctionsHostCommand? Find()
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var func = Path.Combine(dir, "func");
            if (File.Exists(func)) return new FunctionsHostCommand(func, IsCoreTools: true);
        }
        if (Environment.GetEnvironmentVariable(HostDirVariable) is { Length: > 0 } hostDir && File.Exists(Path.Combine(hostDir, "start-host")))
            return new FunctionsHostCommand(Path.Combine(hostDir, "start-host"), IsCoreTools: false);
        return File.Exists(SharedStartHost) ? new FunctionsHostCommand(SharedStartHost, IsCoreTools: false) : null;
    }
}

/// <summary>The program that runs the host; Core Tools takes <c>start --port</c> in the app folder, start-host takes <c>APP PORT</c>.</summary>
public sealed record FunctionsHostCommand(string Path, bool IsCoreTools);

/// <summary>A fact that needs the real Functions host: skipped, with the reason printed, when none is found.</summary>
public sealed class FunctionsHostFactAttribute : FactAttribute
{
    public FunctionsHostFactAttribute()
    {
        if (FunctionsHostLocator.SkipReason is { } reason) Skip = reason;
    }
}
