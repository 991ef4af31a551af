using Azure;
using Azure.Identity;

namespace NewsMonitor.Storage;

/// <summary>
/// Recognises an exception as storage being unusable (refused credentials, a missing role, the service down or
/// unreachable, a data folder that cannot be read or written) and says so in one sentence an operator can act on.
/// The API answers these with 503 and this sentence; the hosts log it in one line instead of a stack trace per cycle.
/// </summary>
public static class StorageFailures
{
    /// <returns>What failed, or null when the exception is not a storage failure.</returns>
    public static string? Describe(Exception exception) => exception switch
    {
        RequestFailedException { Status: 403 } e =>
            $"the storage account refused the request (403 {e.ErrorCode}): check the account key in the connection string, " +
            "or that the identity has the Storage Blob and Queue Data Contributor roles",
        RequestFailedException { Status: 0 } e =>
            $"the storage service could not be reached: {FirstLine(e.InnerException?.Message ?? e.Message)}",
        RequestFailedException { Status: >= 500 } e => $"the storage service failed ({e.Status} {e.ErrorCode})",
        RequestFailedException { Status: 401 } e => $"the storage account refused the request (401 {e.ErrorCode})",
        AuthenticationFailedException e => $"no token for the storage account could be obtained: {FirstLine(e.Message)}",
        AggregateException { InnerExceptions.Count: > 0 } e when Describe(e.InnerExceptions[^1]) is { } last =>
            $"{last} (after {e.InnerExceptions.Count} tries)",
        HttpRequestException e when e.InnerException is System.Net.Sockets.SocketException =>
            $"the storage service could not be reached: {FirstLine(e.Message)}",
        UnauthorizedAccessException e => $"the data folder cannot be read or written: {FirstLine(e.Message)}",
        StorageUnavailableException e => e.Message,
        Microsoft.AspNetCore.Http.BadHttpRequestException => null, // a bad request body, not storage
        IOException e when e.InnerException is null or IOException && IsFileSystem(e) =>
            $"the data folder failed: {FirstLine(e.Message)}",
        _ => null,
    };

    private static bool IsFileSystem(IOException e) =>
        e is DirectoryNotFoundException or PathTooLongException or FileNotFoundException || e.GetType() == typeof(IOException);

    private static string FirstLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }
}
