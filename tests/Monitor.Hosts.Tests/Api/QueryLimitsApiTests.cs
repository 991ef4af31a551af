using System.Net;
using System.Text.Json;
using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Api;

/// <summary>
/// <c>POST /api/topics</c> with a query past a limit (nesting, terms, length) is a 400 problem and stores nothing;
/// 30,000 nested parentheses once overflowed the stack and killed <c>monitor run</c> (issue 10).
/// </summary>
public sealed class QueryLimitsApiTests : LocalHostTests
{
    [Theory]
    [InlineData(30_000, "characters long")]
    [InlineData(9_000, "nests more than 32 levels")]
    [InlineData(QueryLimits.MaxNesting + 1, "nests more than 32 levels")]
    public async Task A_query_nested_too_deep_is_400_and_the_host_stays_up(int depth, string reason)
    {
        var query = new string('(', depth) + "kunashir" + new string(')', depth);

        using var response = await host.Client.PostAsync("api/topics", ApiHost.Json(JsonSerializer.Serialize(new { id = "deep", name = "Deep", query })));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(reason, problem.GetProperty("detail").GetString());
        Assert.Empty(host.StoredBlobs("topics/"));
        Assert.Equal(4, (await host.GetJsonAsync("api/topics")).GetArrayLength());
    }

    [Fact]
    public async Task A_query_with_too_many_terms_is_400()
    {
        var query = string.Join(" OR ", Enumerable.Range(0, QueryLimits.MaxTerms + 1).Select(i => $"t{i}"));

        using var response = await host.Client.PostAsync("api/topics", ApiHost.Json(JsonSerializer.Serialize(new { id = "wide", name = "Wide", query })));

        var problem = await Problems.AssertAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("words and phrases", problem.GetProperty("detail").GetString());
        Assert.Empty(host.StoredBlobs("topics/"));
    }
}
