using System.Net;
using NewsMonitor.Api;

namespace NewsMonitor.Tests.Api;

/// <summary><c>GET /api/openapi.json</c> describes every route of <see cref="ApiRoutes"/>, with the function key as the security scheme.</summary>
public sealed class OpenApiTests : LocalHostTests
{
    [Fact]
    public async Task EveryRouteIsDescribedWithItsOperationIdAndAnswers()
    {
        var document = await host.GetJsonAsync("api/openapi.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        foreach (var route in ApiRoutes.All)
        {
            Assert.True(paths.TryGetProperty($"/api/{route.Template}", out var path), $"No path /api/{route.Template}");
            Assert.True(path.TryGetProperty(route.Method.ToLowerInvariant(), out var operation), $"No {route.Method} /api/{route.Template}");
            Assert.Equal(route.Name, operation.GetProperty("operationId").GetString());
            Assert.Contains(operation.GetProperty("responses").EnumerateObject(), r => r.Name.StartsWith('2'));
        }
        var operations = paths.EnumerateObject().Sum(p => p.Value.EnumerateObject().Count());
        Assert.Equal(ApiRoutes.All.Count, operations);
    }

    [Fact]
    public async Task TheKeyIsTheFunctionsKeyHeaderOrTheCodeQueryParameter()
    {
        var document = await host.GetJsonAsync("api/openapi.json");

        var schemes = document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject().Select(s => s.Value).ToArray();
        Assert.All(schemes, s => Assert.Equal("apiKey", s.GetProperty("type").GetString()));
        Assert.Contains(schemes, s => s.GetProperty("in").GetString() == "header" && s.GetProperty("name").GetString() == "x-functions-key");
        Assert.Contains(schemes, s => s.GetProperty("in").GetString() == "query" && s.GetProperty("name").GetString() == "code");
        Assert.Equal(2, document.GetProperty("security").GetArrayLength()); // either one
    }

    [Fact]
    public async Task ItHasServersALicenceQueryParametersAndLocationHeaders()
    {
        var document = await host.GetJsonAsync("api/openapi.json");

        Assert.True(document.GetProperty("servers").GetArrayLength() > 0);
        Assert.Equal("MIT", document.GetProperty("info").GetProperty("license").GetProperty("identifier").GetString());
        var matches = document.GetProperty("paths").GetProperty("/api/matches").GetProperty("get");
        Assert.Equal(["topic", "since", "limit"], matches.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()));
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        foreach (var operation in path.Value.EnumerateObject())
        {
            if (operation.Value.GetProperty("responses").TryGetProperty("201", out var created))
                Assert.True(created.TryGetProperty("headers", out var headers) && headers.TryGetProperty("Location", out _), $"{operation.Name} {path.Name}: no Location");
        }
        var feed = document.GetProperty("paths").GetProperty("/api/topics/{id}/feed").GetProperty("get").GetProperty("summary").GetString();
        Assert.Contains("?code=", feed);
    }

    [Fact]
    public async Task EveryRouteOfTheTableIsServedByTheLocalHost()
    {
        // No route falls through to the host's catch-all 404 ("'GET /api/...' does not exist"): each is mapped.
        foreach (var route in ApiRoutes.All)
        {
            var path = "api/" + route.Template.Replace("{id}", "x", StringComparison.Ordinal);
            using var response = await host.Client.SendAsync(new HttpRequestMessage(new HttpMethod(route.Method), path)
            {
                Content = route.Method == "POST" ? ApiHost.Json("{}") : null,
            });
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain($"There is no route {route.Method} /{path}", body);
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, $"{route.Method} {path}: {(int)response.StatusCode} {body}");
        }
    }
}
