using System.Runtime.CompilerServices;
using System.Text;

namespace NewsMonitor.Storage;

/// <summary>
/// An <see cref="IBlobStore"/> in a local folder, for running with no storage server. Same contract as
/// <see cref="AzureBlobStore"/>: every write gets a new ETag, conditional writes are atomic, readers never see a torn blob.
/// Safe with many writers in this process and in other processes sharing the folder.
/// </summary>
/// <remarks>
/// Layout: blob "matches/habomai/x" is the file <c>matches.d/habomai.d/x.blob</c> under the root. The suffixes keep a
/// blob and a "folder" of the same name apart (Azure allows both "a" and "a/b"). Each file starts with one line holding
/// its ETag, followed by the content. Characters that file systems reject are percent-encoded in file names.
/// On case-insensitive file systems (Windows, macOS) names differing only in case share one file.
/// </remarks>
public sealed class FolderBlobStore : IBlobStore
{
    private const string BlobSuffix = ".blob";
    private const string FolderSuffix = ".d";
    private const string LockFolder = ".locks";
    private const byte HeaderEnd = (byte)'\n';

    private readonly string root;
    private readonly FolderLocks locks;

    public FolderBlobStore(string rootDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootDirectory);
        root = Path.GetFullPath(rootDirectory);
        locks = new FolderLocks(Path.Combine(root, LockFolder));
    }

    /// <summary>The folder holding the blobs.</summary>
    public string RootDirectory => root;

    public async Task<StoredBlob?> GetAsync(string name, CancellationToken cancellationToken)
    {
        BlobName.Validate(name);
        var bytes = await AtomicFile.ReadOrNullAsync(PathOf(name), cancellationToken).ConfigureAwait(false);
        if (bytes is null)
        {
            return null;
        }

        var headerEnd = Array.IndexOf(bytes, HeaderEnd);
        if (headerEnd < 0)
        {
            throw new InvalidDataException($"The blob file for '{name}' has no ETag line.");
        }

        var etag = Encoding.ASCII.GetString(bytes, 0, headerEnd);
        return new StoredBlob(BinaryData.FromBytes(bytes.AsMemory(headerEnd + 1)), etag);
    }

    public Task<string?> TryCreateAsync(string name, BinaryData content, CancellationToken cancellationToken) =>
        WriteIfAsync(name, content, current => current is null, cancellationToken);

    public Task<string?> TryReplaceAsync(string name, BinaryData content, string etag, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(etag);
        return WriteIfAsync(name, content, current => current == etag, cancellationToken);
    }

    public async Task<string> PutAsync(string name, BinaryData content, CancellationToken cancellationToken) =>
        (await WriteIfAsync(name, content, condition: null, cancellationToken).ConfigureAwait(false))!;

    public async Task<bool> DeleteAsync(string name, CancellationToken cancellationToken)
    {
        BlobName.Validate(name);
        var path = PathOf(name);
        using var held = await locks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }

    public async IAsyncEnumerable<string> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        BlobName.ValidatePrefix(prefix);
        // Only the folder of the prefix's complete segments can hold matches; walk it off the caller's thread.
        var lastSlash = prefix.LastIndexOf('/');
        var folderName = lastSlash < 0 ? "" : prefix[..(lastSlash + 1)];
        var folder = lastSlash < 0 ? root : FolderOf(prefix[..lastSlash]);
        var names = await Task.Run(
            () =>
            {
                var found = new List<string>();
                Collect(folder, folderName, prefix, found, cancellationToken);
                found.Sort(StringComparer.Ordinal);
                return found;
            },
            cancellationToken).ConfigureAwait(false);

        foreach (var name in names)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return name;
        }
    }

    /// <summary>
    /// Writes the blob under its lock when <paramref name="condition"/> accepts the current ETag (null: absent),
    /// or whatever is there when there is no condition.
    /// </summary>
    private async Task<string?> WriteIfAsync(
        string name, BinaryData content, Func<string?, bool>? condition, CancellationToken cancellationToken)
    {
        BlobName.Validate(name);
        ArgumentNullException.ThrowIfNull(content);
        using var held = await locks.AcquireAsync(name, cancellationToken).ConfigureAwait(false);
        var current = await GetAsync(name, cancellationToken).ConfigureAwait(false);
        if (condition is not null && !condition(current?.ETag))
        {
            return null;
        }

        var etag = $"\"{Guid.NewGuid():N}\"";
        byte[] header = [.. Encoding.ASCII.GetBytes(etag), HeaderEnd];
        var created = await AtomicFile.WriteAsync(
            PathOf(name), [header, content.ToMemory()], overwrite: condition is null || current is not null, cancellationToken).ConfigureAwait(false);
        return created ? etag : null;
    }

    private static void Collect(string folder, string folderName, string prefix, List<string> found, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(folder))
        {
            return;
        }

        foreach (var entry in Directory.EnumerateFileSystemEntries(folder))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fileName = Path.GetFileName(entry);
            if (fileName.EndsWith(BlobSuffix, StringComparison.Ordinal) && File.Exists(entry))
            {
                var name = folderName + Decode(fileName[..^BlobSuffix.Length]);
                if (name.StartsWith(prefix, StringComparison.Ordinal))
                {
                    found.Add(name);
                }
            }
            else if (fileName.EndsWith(FolderSuffix, StringComparison.Ordinal) && Directory.Exists(entry))
            {
                var subfolderName = folderName + Decode(fileName[..^FolderSuffix.Length]) + "/";
                // Descend only where names can still start with the prefix (the prefix may end inside this subfolder).
                if (subfolderName.StartsWith(prefix, StringComparison.Ordinal) || prefix.StartsWith(subfolderName, StringComparison.Ordinal))
                {
                    Collect(entry, subfolderName, prefix, found, cancellationToken);
                }
            }
        }
    }

    private string PathOf(string name)
    {
        var lastSlash = name.LastIndexOf('/');
        var folder = lastSlash < 0 ? root : FolderOf(name[..lastSlash]);
        return Path.Combine(folder, Encode(name[(lastSlash + 1)..]) + BlobSuffix);
    }

    private string FolderOf(string folderName) =>
        Path.Combine([root, .. folderName.Split('/').Select(segment => Encode(segment) + FolderSuffix)]);

    // Percent-encode '%' itself and what Windows or Unix refuse in a file name, so the mapping is reversible everywhere.
    private static string Encode(string segment)
    {
        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            if (c is '%' or ':' or '*' or '?' or '"' or '<' or '>' or '|')
            {
                builder.Append('%').Append(((int)c).ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static string Decode(string fileName) => Uri.UnescapeDataString(fileName);
}
