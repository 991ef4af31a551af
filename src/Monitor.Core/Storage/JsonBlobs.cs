using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsMonitor.Storage;

/// <summary>
/// Typed JSON documents over an <see cref="IBlobStore"/>, so each typed store (feed state, matches, subscriptions,
/// deliveries) is written once against one serializer setup and one optimistic-concurrency loop.
/// </summary>
public sealed class JsonBlobs
{
    /// <summary>How many times <see cref="UpdateAsync{T}"/> re-reads after losing a race before it gives up.</summary>
    public const int MaxUpdateAttempts = 100;

    private const string JsonMediaType = "application/json";

    public JsonBlobs(IBlobStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        Store = store;
    }

    /// <summary>
    /// The one serializer setup for stored documents: web defaults (camelCase, case-insensitive reads),
    /// nulls left out, enums as camelCase strings so the files read well and survive reordering an enum.
    /// </summary>
    public static JsonSerializerOptions SerializerOptions { get; } = CreateSerializerOptions();

    /// <summary>The underlying store, for operations that need no JSON (delete, list).</summary>
    public IBlobStore Store { get; }

    /// <summary>Serialises a value exactly as stored documents are serialised.</summary>
    public static BinaryData Serialize<T>(T value) =>
        new(JsonSerializer.SerializeToUtf8Bytes(value, SerializerOptions), JsonMediaType);

    /// <summary>Deserialises a stored document; <paramref name="name"/> only names it in the error.</summary>
    public static T Deserialize<T>(string name, BinaryData content) =>
        JsonSerializer.Deserialize<T>(content.ToMemory().Span, SerializerOptions)
        ?? throw new InvalidDataException($"The blob '{name}' holds JSON null where a {typeof(T).Name} was expected.");

    /// <summary>Reads and deserialises a blob, or null when it does not exist.</summary>
    public async Task<JsonBlob<T>?> GetAsync<T>(string name, CancellationToken cancellationToken)
    {
        var blob = await Store.GetAsync(name, cancellationToken).ConfigureAwait(false);
        return blob is null ? null : new JsonBlob<T>(name, Deserialize<T>(name, blob.Content), blob.ETag);
    }

    /// <summary>Creates the blob only if absent. Returns the new ETag, or null when it already existed.</summary>
    public Task<string?> TryCreateAsync<T>(string name, T value, CancellationToken cancellationToken) =>
        Store.TryCreateAsync(name, Serialize(value), cancellationToken);

    /// <summary>Replaces the blob only if its ETag is still <paramref name="etag"/>. Returns the new ETag, or null.</summary>
    public Task<string?> TryReplaceAsync<T>(string name, T value, string etag, CancellationToken cancellationToken) =>
        Store.TryReplaceAsync(name, Serialize(value), etag, cancellationToken);

    /// <summary>Writes the blob whatever is there. Returns the new ETag.</summary>
    public Task<string> PutAsync<T>(string name, T value, CancellationToken cancellationToken) =>
        Store.PutAsync(name, Serialize(value), cancellationToken);

    /// <summary>Reads every blob whose name starts with <paramref name="prefix"/>, in name order; blobs deleted meanwhile are skipped.</summary>
    public async IAsyncEnumerable<JsonBlob<T>> ListAsync<T>(
        string prefix, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var name in Store.ListAsync(prefix, cancellationToken).ConfigureAwait(false))
        {
            var blob = await GetAsync<T>(name, cancellationToken).ConfigureAwait(false);
            if (blob is not null)
            {
                yield return blob;
            }
        }
    }

    /// <summary>
    /// Read-modify-write with optimistic concurrency: reads the blob (null when absent), applies <paramref name="update"/>,
    /// and writes the result only if nobody wrote in between; otherwise re-reads and applies it again. So
    /// <paramref name="update"/> may run more than once and must be a pure function of its argument.
    /// Returning the argument itself (the same instance) means "no change": nothing is written.
    /// </summary>
    /// <returns>The stored document after the update.</returns>
    /// <exception cref="InvalidOperationException">Lost the race <see cref="MaxUpdateAttempts"/> times in a row.</exception>
    public async Task<JsonBlob<T>> UpdateAsync<T>(string name, Func<T?, T> update, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(update);
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var current = await GetAsync<T>(name, cancellationToken).ConfigureAwait(false);
            var updated = update(current?.Value);
            ArgumentNullException.ThrowIfNull(updated, "update's result");
            if (current is not null && ReferenceEquals(updated, current.Value))
            {
                return current;
            }

            var etag = current is null
                ? await TryCreateAsync(name, updated, cancellationToken).ConfigureAwait(false)
                : await TryReplaceAsync(name, updated, current.ETag, cancellationToken).ConfigureAwait(false);
            if (etag is not null)
            {
                return new JsonBlob<T>(name, updated, etag);
            }
        }

        throw new InvalidOperationException(
            $"Updating the blob '{name}' lost the race with other writers {MaxUpdateAttempts} times in a row.");
    }

    private static JsonSerializerOptions CreateSerializerOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
