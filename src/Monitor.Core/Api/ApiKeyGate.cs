using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>
/// The local host's equivalent of Azure Functions' function keys: requests must carry <c>Monitor:ApiKey</c> in
/// the <c>x-functions-key</c> header (or the <c>code</c> query parameter, as Azure accepts). With no key configured
/// the API is open, which the host announces at start; it listens on 127.0.0.1 by default.
/// </summary>
public static class ApiKeyGate
{
    public const string HeaderName = "x-functions-key";

    public static bool IsAuthorized(HttpRequest request, string? apiKey)
    {
        if (string.IsNullOrEmpty(apiKey)) return true;
        var presented = request.Headers[HeaderName].ToString() is { Length: > 0 } header ? header : request.Query["code"].ToString();
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(apiKey));
    }
}
