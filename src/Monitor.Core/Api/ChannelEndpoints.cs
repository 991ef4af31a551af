using System.Net;
using Microsoft.AspNetCore.Http;
using NewsMonitor.Channels;

namespace NewsMonitor.Api;

/// <summary>
/// Verification of chat and e-mail subscriptions (<c>POST /api/subscriptions/{id}/verify</c>, and the e-mailed
/// <c>GET /api/confirm?token=</c> link) and RFC 8058 one-click unsubscribe (<c>POST /api/unsubscribe?token=</c>; a GET
/// of the same link only shows a button, because mail scanners follow links). The token routes need no API key:
/// the signed token is the authority, and it names one subscription.
/// </summary>
public sealed class ChannelEndpoints(ChannelSubscriptions channels, LinkTokens tokens)
{
    public async Task<IResult> VerifyAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadAsync<VerifySubscriptionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;
        if (string.IsNullOrWhiteSpace(body!.Code) || body.Code.Length > 64) return ApiProblems.BadRequest("Send the code as {\"code\": \"ABCD-EFGH\"}.");

        var (check, subscription) = await channels.VerifyAsync(id, body.Code, cancellationToken).ConfigureAwait(false);
        return check switch
        {
            CodeCheck.Verified or CodeCheck.AlreadyActive => ApiJson.Ok(SubscriptionView.From(subscription!)),
            CodeCheck.NotFound => ApiProblems.NotFound($"Subscription '{id}'"),
            CodeCheck.NotByCode => ApiProblems.Conflict($"Subscription '{id}' is a webhook: it is verified by answering GET ?challenge=, not by a code."),
            CodeCheck.Wrong => ApiProblems.BadRequest($"That is not the code sent to the channel; {VerificationCodes.MaxFailedAttempts - subscription!.CodeVerification!.FailedAttempts} tries left."),
            CodeCheck.Exhausted => ApiProblems.Conflict($"Too many wrong codes: subscription '{id}' is disabled. Delete it and subscribe again."),
            _ => ApiProblems.Conflict($"Subscription '{id}' is {subscription!.Status.ToString().ToLowerInvariant()}: {subscription.StatusReason}"),
        };
    }

    public async Task<IResult> ConfirmAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var payload = await tokens.ReadAsync(LinkTokens.Confirm, request.Query["token"], cancellationToken).ConfigureAwait(false);
        var colon = payload?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (colon <= 0) return Page(HttpStatusCode.BadRequest, "This confirmation link is not valid", "Copy the whole link from the e-mail, or subscribe again.");
        var (check, _) = await channels.VerifyAsync(payload![..colon], payload[(colon + 1)..], cancellationToken).ConfigureAwait(false);
        return check switch
        {
            CodeCheck.Verified or CodeCheck.AlreadyActive => Page(HttpStatusCode.OK, "Subscription confirmed", "NewsMonitor alerts will now come to this address."),
            CodeCheck.NotFound => Page(HttpStatusCode.NotFound, "This subscription no longer exists", "Subscribe again to get alerts."),
            _ => Page(HttpStatusCode.Conflict, "This subscription cannot be confirmed", "It was disabled or unsubscribed; subscribe again to get alerts."),
        };
    }

    /// <summary>GET of the unsubscribe link: a page with one button that POSTs the same URL (RFC 8058 keeps GET side-effect free).</summary>
    public async Task<IResult> UnsubscribePageAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (await tokens.ReadAsync(LinkTokens.Unsubscribe, request.Query["token"], cancellationToken).ConfigureAwait(false) is null)
            return Page(HttpStatusCode.BadRequest, "This unsubscribe link is not valid", "Copy the whole link from the e-mail.");
        var action = WebUtility.HtmlEncode($"{ApiRoutes.Prefix}/unsubscribe{request.QueryString}");
        return Page(HttpStatusCode.OK, "Stop these NewsMonitor alerts?",
            $"<form method=\"post\" action=\"{action}\"><input type=\"hidden\" name=\"List-Unsubscribe\" value=\"One-Click\"><button type=\"submit\">Unsubscribe</button></form>", rawHtml: true);
    }

    public async Task<IResult> UnsubscribeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var id = await tokens.ReadAsync(LinkTokens.Unsubscribe, request.Query["token"], cancellationToken).ConfigureAwait(false);
        if (id is null) return Page(HttpStatusCode.BadRequest, "This unsubscribe link is not valid", "Copy the whole link from the e-mail.");
        // A deleted subscription is as unsubscribed as it gets: answer success either way.
        await channels.UnsubscribeAsync(id, cancellationToken).ConfigureAwait(false);
        return Page(HttpStatusCode.OK, "Unsubscribed", "No more NewsMonitor alerts will be sent to this address.");
    }

    private static IResult Page(HttpStatusCode status, string title, string text, bool rawHtml = false) =>
        Results.Content(
            $"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{WebUtility.HtmlEncode(title)}</title></head>" +
            $"<body style=\"font-family:sans-serif\"><h1>{WebUtility.HtmlEncode(title)}</h1><p>{(rawHtml ? text : WebUtility.HtmlEncode(text))}</p></body></html>",
            "text/html; charset=utf-8", null, (int)status);
}
