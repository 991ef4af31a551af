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
    public async Task TheSecuritySchemeIsTheFunctionsKeyHeader()
    {
        var document = await host.GetJsonAsync("api/openapi.json");

        var scheme = Assert.Single(document.GetProperty("components").GetProperty("securitySchemes").EnumerateObject()).Value;
        Assert.Equal("apiKey", scheme.GetProperty("type").GetString());
        Assert.Equal("header", scheme.GetProperty("in").GetString());
        Assert.Equal("x-functions-key", scheme.GetProperty("name").GetString());
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
            Assert.DoesNotContain($"'{route.Method} /{path}' does not exist", body);
            Assert.NotEqual(HttpStatusCode.MethodNotAllowed, response.StatusCode);
            Assert.True((int)response.StatusCode < 500, $"{route.Method} {path}: {(int)response.StatusCode} {body}");
        }
    }
}
