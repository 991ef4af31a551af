using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Storage;

/// <summary>
/// The folder store after kill -9 and with secrets in it (issue 10): stale temporary files are removed at start (but
/// not a live writer's), folders are 0700 and files 0600, and a folder left world-readable is tightened.
/// </summary>
public sealed class FolderHygieneTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("newsmonitor-hygiene-");

    [Fact]
    public void Temporary_files_of_dead_writers_are_removed_at_start_and_those_of_live_ones_kept()
    {
        var folder = Path.Combine(_data.FullName, "blobs", "monitor", "subscriptions.d");
        Directory.CreateDirectory(folder);
        var deadWriter = Path.Combine(folder, $"sub1.blob.{Guid.NewGuid():N}.{int.MaxValue}.tmp");
        var liveWriter = Path.Combine(folder, $"sub2.blob.{Guid.NewGuid():N}.{Environment.ProcessId + 0}.tmp");
        var oldStyle = Path.Combine(folder, $"sub3.blob.{Guid.NewGuid():N}.tmp");
        foreach (var file in new[] { deadWriter, liveWriter, oldStyle }) File.WriteAllText(file, "partial");
        File.SetLastWriteTimeUtc(oldStyle, DateTime.UtcNow.AddHours(-1));

        StorageAccount.Create(new StorageOptions { DataDirectory = _data.FullName }, TimeProvider.System);

        Assert.False(File.Exists(deadWriter));
        Assert.False(File.Exists(oldStyle));
        Assert.True(File.Exists(liveWriter)); // this very process could be writing it
    }

    [UnixFact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task Blobs_are_written_0600_in_0700_folders_and_an_open_folder_is_tightened_at_start()
    {
        File.SetUnixFileMode(_data.FullName, (UnixFileMode)0b111_101_101);
        var leftOpen = Path.Combine(_data.FullName, "blobs", "monitor", "subscriptions.d", "old.blob");
        Directory.CreateDirectory(Path.GetDirectoryName(leftOpen)!);
        File.WriteAllText(leftOpen, "\"etag\"\n{}");
        File.SetUnixFileMode(leftOpen, (UnixFileMode)0b110_100_100);

        var account = StorageAccount.Create(new StorageOptions { DataDirectory = _data.FullName }, TimeProvider.System);
        await account.Blobs.PutAsync("subscriptions/new.json", BinaryData.FromString("""{"secrets":["whsec_x"]}"""), CancellationToken.None);
        await account.GetQueue("alert-deliveries").SendAsync("m", null, CancellationToken.None);

        const UnixFileMode owner = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        Assert.Equal(owner | UnixFileMode.UserExecute, File.GetUnixFileMode(_data.FullName));
        Assert.Equal(owner, File.GetUnixFileMode(leftOpen));
        foreach (var entry in Directory.EnumerateFileSystemEntries(_data.FullName, "*", SearchOption.AllDirectories))
        {
            var mode = File.GetUnixFileMode(entry);
            var expected = Directory.Exists(entry) ? owner | UnixFileMode.UserExecute : owner;
            Assert.True((mode & ~expected) == 0, $"{entry} is {mode}");
        }
    }

    public void Dispose() => _data.Delete(recursive: true);
}

/// <summary>A fact about Unix file modes: skipped, with the reason, on Windows.</summary>
internal sealed class UnixFactAttribute : FactAttribute
{
    public UnixFactAttribute()
    {
        if (OperatingSystem.IsWindows()) Skip = "Unix file modes do not exist on Windows.";
    }
}
