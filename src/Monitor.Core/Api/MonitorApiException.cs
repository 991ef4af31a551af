namespace NewsMonitor.Api;

/// <summary>The host refused a request or could not be reached; the message says why and what to do.</summary>
public sealed class MonitorApiException(string message, int? statusCode) : Exception(message)
{
    public int? StatusCode { get; } = statusCode;
}
