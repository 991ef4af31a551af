namespace NewsMonitor.Storage;

/// <summary>
/// Whole-file reads and writes where a reader sees either the old or the new content, never a torn mix:
/// content goes to a temporary file in the same directory, is flushed to disk, then renamed over the target.
/// </summary>
internal static class AtomicFile
{
    /// <summary>Suffix of the temporary files; a crash can leave them behind, and listings must skip them.</summary>
    public const string TemporarySuffix = ".tmp";

    // 0600 on Unix: blobs hold webhook secrets (the mode is ignored on Windows).
    private static readonly FileStreamOptions PrivateWrite = OperatingSystem.IsWindows()
        ? new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous }
        : new() { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, Options = FileOptions.Asynchronous, UnixCreateMode = FolderHygiene.PrivateFile };

    /// <summary>The file's bytes, or null when it does not exist.</summary>
    public static async Task<byte[]?> ReadOrNullAsync(string path, CancellationToken cancellationToken)
    {
        // Most misses are creates checking that nothing is there: a stat is far cheaper than a thrown exception.
        if (!File.Exists(path)) return null;
        try
        {
            // FileShare.Delete lets a writer rename over the file while we read it (it matters on Windows).
            await using var stream = new FileStream(
                path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 4096, FileOptions.Asynchronous);
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return bytes;
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes <paramref name="parts"/> as the whole new content of <paramref name="path"/>. Without
    /// <paramref name="overwrite"/>, an existing file is left alone and the result is false; that check is atomic in the
    /// file system itself. Callers still serialise writers of one path (see <see cref="FolderLocks"/>) for compare-and-swap.
    /// </summary>
    public static async Task<bool> WriteAsync(
        string path, IEnumerable<ReadOnlyMemory<byte>> parts, bool overwrite, CancellationToken cancellationToken)
    {
        FolderHygiene.CreatePrivateDirectory(Path.GetDirectoryName(path)!);
        var temporary = FolderHygiene.TemporaryPathFor(path);
        try
        {
            await using (var stream = new FileStream(temporary, PrivateWrite))
            {
                foreach (var part in parts)
                {
                    await stream.WriteAsync(part, cancellationToken).ConfigureAwait(false);
                }

                // Flush to disk before the rename, so that after a crash the name points at complete content.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, path, overwrite);
            return true;
        }
        catch (IOException) when (!overwrite && File.Exists(path))
        {
            File.Delete(temporary);
            return false;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }
}
