using System.Diagnostics;
using System.Globalization;

namespace NewsMonitor.Storage;

/// <summary>
/// Keeps a data folder private and tidy. Subscriptions hold webhook secrets, so on Unix every folder is created
/// 0700 and every file 0600, and a folder left by an older version is tightened at start. Temporary files that a
/// killed writer left behind (<see cref="AtomicFile"/>) are deleted at start, but never those of a live process
/// sharing the folder: each temporary file's name carries its writer's process id.
/// </summary>
internal static class FolderHygiene
{
    public const UnixFileMode PrivateFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    public const UnixFileMode PrivateFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode GroupAndOthers = ~(PrivateFolder | UnixFileMode.SetUser | UnixFileMode.SetGroup | UnixFileMode.StickyBit);

    /// <summary>A temporary file without a live writer's id is stale once this old (a write takes milliseconds).</summary>
    private static readonly TimeSpan StaleAge = TimeSpan.FromMinutes(10);

    /// <summary>Creates the folder and any missing parents, each 0700 (the mode overload sets only the last one).</summary>
    public static void CreatePrivateDirectory(string path)
    {
        if (OperatingSystem.IsWindows() || Directory.Exists(path))
        {
            Directory.CreateDirectory(path);
            return;
        }
        var parent = Path.GetDirectoryName(Path.GetFullPath(path));
        if (parent is not null) CreatePrivateDirectory(parent);
        Directory.CreateDirectory(path, PrivateFolder);
    }

    /// <summary>The temporary name for a write of <paramref name="path"/>: <c>{path}.{random}.{pid}.tmp</c>.</summary>
    public static string TemporaryPathFor(string path) =>
        $"{path}.{Guid.NewGuid():N}.{Environment.ProcessId.ToString(CultureInfo.InvariantCulture)}{AtomicFile.TemporarySuffix}";

    /// <summary>Makes <paramref name="root"/> private and removes stale temporary files under it; returns how many were removed.</summary>
    public static int Tidy(string root, DateTimeOffset now)
    {
        if (!Directory.Exists(root))
        {
            CreatePrivateDirectory(root);
            return 0;
        }

        Tighten(root, PrivateFolder);
        var removed = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories))
        {
            try
            {
                if (Directory.Exists(entry))
                {
                    Tighten(entry, PrivateFolder);
                    continue;
                }
                if (entry.EndsWith(AtomicFile.TemporarySuffix, StringComparison.Ordinal) && IsStale(entry, now))
                {
                    File.Delete(entry);
                    removed++;
                    continue;
                }
                Tighten(entry, PrivateFile);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Gone meanwhile (another process's rename) or not ours to change: leave it.
            }
        }
        return removed;
    }

    private static bool IsStale(string temporary, DateTimeOffset now)
    {
        var name = Path.GetFileName(temporary)[..^AtomicFile.TemporarySuffix.Length];
        var dot = name.LastIndexOf('.');
        if (dot >= 0 && int.TryParse(name.AsSpan(dot + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            return pid != Environment.ProcessId && !IsRunning(pid);
        return now - File.GetLastWriteTimeUtc(temporary) > StaleAge;
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            return false;
        }
    }

    private static void Tighten(string path, UnixFileMode mode)
    {
        if (OperatingSystem.IsWindows()) return;
        var current = File.GetUnixFileMode(path);
        if ((current & GroupAndOthers) != 0) File.SetUnixFileMode(path, mode);
    }
}
