using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>
/// Reads request bodies strictly: JSON only, size-capped, unknown fields refused (a typo such as "topic" for
/// "topics" must fail loudly instead of creating a subscription that follows nothing).
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // {"url": null} is as wrong as a missing url: refuse it here rather than fail deeper with a 500.
        RespectNullableAnnotations = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        if (request.ContentLength > MaxBodyBytes) return (null, ApiProblems.TooLarge(MaxBodyBytes));
        if (request.ContentType is { } type && !type.Contains("json", StringComparison.OrdinalIgnoreCase))
            return (null, ApiProblems.UnsupportedMediaType());

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return (null, ApiProblems.TooLarge(MaxBodyBytes));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, ApiProblems.BadRequest("The request body is empty; send a JSON object."));

        try
        {
            var value = JsonSerializer.Deserialize<T>(buffer.ToArray(), Options);
            return value is null ? (null, ApiProblems.BadRequest("The request body must be a JSON object, not null.")) : (value, null);
        }
        catch (JsonException e)
        {
            return (null, ApiProblems.BadRequest($"The request body is not valid JSON for this request: {e.Message}"));
        }
    }

    public static IResult Ok<T>(T value, int statusCode = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: statusCode);
}
