using Microsoft.AspNetCore.Http;

namespace NewsMonitor.Api;

/// <summary>RFC 9457 problem answers, with a <c>detail</c> that tells the caller what to change.</summary>
public static class ApiProblems
{
    public static IResult BadRequest(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "The request is not valid.", extensions: extensions);

    public static IResult NotFound(string what) =>
        Results.Problem(detail: $"{what} does not exist.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult RouteNotFound(string method, string path) =>
        Results.Problem(detail: $"There is no route {method} {path}; GET /api/openapi.json lists them.", statusCode: StatusCodes.Status404NotFound, title: "Not found.");

    public static IResult Conflict(string detail, IDictionary<string, object?>? extensions = null) =>
        Results.Problem(detail: detail, statusCode: StatusCodes.Status409Conflict, title: "Conflict.", extensions: extensions);

    public static IResult MethodNotAllowed(string method, string path, IReadOnlyList<string> allowed) =>
        new WithHeader(Results.Problem(
            detail: $"{path} does not accept {method}; it accepts {string.Join(", ", allowed)}.",
            statusCode: StatusCodes.Status405MethodNotAllowed, title: "Method not allowed."), "Allow", string.Join(", ", allowed));

    public static IResult TooLarge(long limit) =>
        Results.Problem(detail: $"The request body is larger than {limit} bytes.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Request body too large.");

    public static IResult UnsupportedMediaType() =>
        Results.Problem(detail: "Send the body as JSON with the header 'Content-Type: application/json'.", statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Unsupported media type.");

    public static IResult Unauthorized() =>
        Results.Problem(detail: "Send the API key in the 'x-functions-key' header, or as the 'code' query parameter where a header cannot be sent.", statusCode: StatusCodes.Status401Unauthorized, title: "Missing or wrong API key.");

    /// <param name="what">What failed, from <see cref="Storage.StorageFailures.Describe"/>.</param>
    public static IResult StorageUnavailable(string what) =>
        Results.Problem(detail: $"Storage is unavailable: {what}. Nothing was changed; try again once it is back.",
            statusCode: StatusCodes.Status503ServiceUnavailable, title: "Storage unavailable.");
}
