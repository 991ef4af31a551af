using Microsoft.AspNetCore.Http;
using NewsMonitor.Api;

namespace NewsMonitor.Tests.Api;

public class ApiKeyGateTests
{
    private static HttpRequest Request(string? header = null, string? code = null)
    {
        var context = new DefaultHttpContext();
        if (header is not null) context.Request.Headers[ApiKeyGate.HeaderName] = header;
        if (code is not null) context.Request.QueryString = new QueryString($"?code={code}");
        return context.Request;
    }

    [Fact]
    public void The_right_key_in_the_header_or_the_code_parameter_is_accepted()
    {
        Assert.True(ApiKeyGate.IsAuthorized(Request(header: "s3cret"), "s3cret"));
        Assert.True(ApiKeyGate.IsAuthorized(Request(code: "s3cret"), "s3cret"));
    }

    [Fact]
    public void A_missing_or_wrong_key_is_refused()
    {
        Assert.False(ApiKeyGate.IsAuthorized(Request(), "s3cret"));
        Assert.False(ApiKeyGate.IsAuthorized(Request(header: "s3cre"), "s3cret"));
        Assert.False(ApiKeyGate.IsAuthorized(Request(header: "S3CRET"), "s3cret"));
    }

    [Fact]
    public void Without_a_configured_key_the_api_is_open() => Assert.True(ApiKeyGate.IsAuthorized(Request(), null));
}
