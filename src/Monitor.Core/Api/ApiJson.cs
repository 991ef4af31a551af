using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>
/// Reads request bodies strictly: JSON only (the content-type must say so), size-capped, unknown fields and duplicate
/// keys refused (a typo such as "topic" for "topics" must fail loudly instead of creating a subscription that follows
/// nothing). Every refusal names the field and says what to send; none shows the serializer's own message, which
/// speaks of .NET types and byte positions.
/// </summary>
public static class ApiJson
{
    public const int MaxBodyBytes = 64 * 1024;

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        // {"url": null} is as wrong as a missing url: refuse it here rather than fail deeper with a 500.
        RespectNullableAnnotations = true,
        AllowDuplicateProperties = false,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        // Set, not left to the first serialisation: Parse reads the request types' properties before any.
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken) where T : class
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.ContentLength > MaxBodyBytes) return (null, ApiProblems.TooLarge(MaxBodyBytes));
        if (!IsJsonContentType(request.ContentType)) return (null, ApiProblems.UnsupportedMediaType());

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes) return (null, ApiProblems.TooLarge(MaxBodyBytes));
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0) return (null, ApiProblems.BadRequest("The request body is empty; send a JSON object."));
        var (value, error) = Parse<T>(buffer.ToArray());
        return error is null ? (value, null) : (null, ApiProblems.BadRequest(error));
    }

    /// <summary>application/json or any <c>+json</c> type (application/merge-patch+json...), with or without a charset.</summary>
    public static bool IsJsonContentType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return false;
        var mediaType = contentType.Split(';', 2)[0].Trim();
        return mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || (mediaType.StartsWith("application/", StringComparison.OrdinalIgnoreCase) && mediaType.EndsWith("+json", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Reads a request body; on failure returns the sentence to put in the 400's detail.</summary>
    public static (T? Value, string? Error) Parse<T>(ReadOnlyMemory<byte> body) where T : class
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } n ? $" on line {n + 1}" : "";
            return (null, $"The request body is not valid JSON{line}: check its quotes, commas and brackets.");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, $"The request body must be a JSON object {{...}}, not {Describe(document.RootElement.ValueKind)}.");
            if (FindDuplicate(document.RootElement, "") is { } duplicate)
                return (null, $"The field \"{duplicate}\" appears more than once; send each field once.");

            var properties = Options.GetTypeInfo(typeof(T)).Properties;
            var accepted = string.Join(", ", properties.Select(p => $"\"{p.Name}\""));
            foreach (var field in document.RootElement.EnumerateObject())
            {
                var property = properties.FirstOrDefault(p => string.Equals(p.Name, field.Name, StringComparison.OrdinalIgnoreCase));
                if (property is null) return (null, $"Unknown field \"{field.Name}\": this request accepts {accepted}.");
                if (field.Value.ValueKind == JsonValueKind.Null && property.IsRequired)
                    return (null, $"The field \"{property.Name}\" must not be null.");
            }
            var missing = properties.Where(p => p.IsRequired && !document.RootElement.EnumerateObject()
                .Any(f => string.Equals(f.Name, p.Name, StringComparison.OrdinalIgnoreCase))).Select(p => $"\"{p.Name}\"").ToArray();
            if (missing.Length > 0) return (null, $"The request body lacks {string.Join(" and ", missing)}; this request accepts {accepted}.");

            try
            {
                var value = document.RootElement.Deserialize<T>(Options);
                return value is null ? (null, "The request body must be a JSON object, not null.") : (value, null);
            }
            catch (JsonException e)
            {
                var field = e.Path is { Length: > 2 } path ? path[2..] : null;
                var property = field is null ? null : properties.FirstOrDefault(p => field.StartsWith(p.Name, StringComparison.OrdinalIgnoreCase));
                return (null, property is null
                    ? "The request body does not have the expected shape; see GET /api/openapi.json."
                    : $"The field \"{field}\" has the wrong type: \"{property.Name}\" must be {Expected(property.PropertyType)}.");
            }
        }
    }

    private static string? FindDuplicate(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var property in element.EnumerateObject())
            {
                var name = path.Length == 0 ? property.Name : $"{path}.{property.Name}";
                if (!seen.Add(property.Name)) return name;
                if (FindDuplicate(property.Value, name) is { } nested) return nested;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            var index = 0;
            foreach (var item in element.EnumerateArray())
            {
                if (FindDuplicate(item, $"{path}[{index++}]") is { } nested) return nested;
            }
        }
        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        _ => "null",
    };

    private static string Expected(Type type) =>
        type == typeof(string) ? "a string"
        : type == typeof(bool) || type == typeof(bool?) ? "true or false"
        : type == typeof(int) || type == typeof(int?) || type == typeof(double) ? "a number"
        : typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? "an array of strings such as [\"a\", \"b\"]"
        : "an object";

    public static IResult Ok<T>(T value, int statusCode = StatusCodes.Status200OK) => Results.Json(value, Options, statusCode: statusCode);

    /// <summary>201 Created with the new resource and its <c>Location</c>.</summary>
    public static IResult Created<T>(T value, string location) => new WithHeader(Ok(value, StatusCodes.Status201Created), "Location", location);
}
