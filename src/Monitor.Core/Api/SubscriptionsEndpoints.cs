using Microsoft.AspNetCore.Http;
using NewsMonitor.Channels;
using NewsMonitor.Deliveries;
using NewsMonitor.Pipeline;
using NewsMonitor.Subscriptions;
using NewsMonitor.Webhooks;

namespace NewsMonitor.Api;

/// <summary><c>/api/subscriptions</c>: subscribe a webhook URL to topics, read, delete, test, rotate the secret, read the delivery log.</summary>
public sealed class SubscriptionsEndpoints(
    SubscriptionStore subscriptions,
    DeliveryStore deliveries,
    Matches.MatchStore matches,
    TopicCatalog topics,
    WebhookUrlValidator urlValidator,
    SubscriptionVerifier verifier,
    ChannelSubscriptions channels,
    AlertSender sender,
    TimeProvider time)
{
    /// <summary>How long the previous secret keeps signing after a rotation, so receivers can switch over.</summary>
    public static readonly TimeSpan RotationOverlap = TimeSpan.FromHours(24);

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadAsync<CreateSubscriptionRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;

        var topicIds = body!.Topics.Select(t => t?.Trim() ?? "").Distinct(StringComparer.Ordinal).ToArray();
        if (topicIds.Length == 0) return ApiProblems.BadRequest("List at least one topic id in \"topics\" (see GET /api/topics).");
        foreach (var id in topicIds)
        {
            if (await topics.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
                return ApiProblems.BadRequest($"Unknown topic '{id}'. GET /api/topics lists the topics.");
        }

        if (await CreateForChannelAsync(body, topicIds, cancellationToken).ConfigureAwait(false) is { } channelAnswer) return channelAnswer;

        var urlCheck = await urlValidator.ValidateAsync(body.Url, cancellationToken).ConfigureAwait(false);
        if (!urlCheck.IsValid) return ApiProblems.BadRequest($"The webhook URL cannot be used: {urlCheck.Reason}");

        // The same receiver and topics again would double every alert and hand out a second secret: answer with the first.
        var url = urlCheck.Url.AbsoluteUri;
        if (await subscriptions.ListAsync(cancellationToken)
                .FirstOrDefaultAsync(s => s.Url == url && s.Topics.ToHashSet(StringComparer.Ordinal).SetEquals(topicIds), cancellationToken)
                .ConfigureAwait(false) is { } existing)
            return ApiProblems.Conflict(
                $"{url} already follows these topics as subscription '{existing.Id}' ({existing.Status.ToString().ToLowerInvariant()}); its secret is not shown again "
                + $"(POST /api/subscriptions/{existing.Id}/rotate-secret issues a new one).",
                new Dictionary<string, object?> { ["id"] = existing.Id });

        var subscription = new Subscription
        {
            Id = SubscriptionIds.New(),
            Url = url,
            Topics = topicIds,
            Status = SubscriptionStatus.Pending,
            Secrets = [WebhookSecret.Generate().Reveal()],
            CreatedAt = time.GetUtcNow(),
            StatusReason = "Waiting for verification.",
        };
        await subscriptions.TryCreateAsync(subscription, cancellationToken).ConfigureAwait(false);
        var verified = await verifier.VerifyAsync(subscription, cancellationToken, backfillNow: false).ConfigureAwait(false);
        // The recent matches are planned once this answer, which carries the secret, has gone out: a receiver cannot be
        // sent an alert it has no secret to verify yet.
        if (verified.Status == SubscriptionStatus.Active)
            request.HttpContext.Response.OnCompleted(() => verifier.BackfillAsync(verified, CancellationToken.None));
        return ApiJson.Created(SubscriptionView.From(verified with { Secrets = subscription.Secrets }, withSecret: true), ApiRoutes.Location("subscriptions", subscription.Id));
    }

    /// <summary>Chat and e-mail channels (and any delivery preferences): null for a plain webhook, which goes on as before.</summary>
    private async Task<IResult?> CreateForChannelAsync(CreateSubscriptionRequest body, IReadOnlyList<string> topicIds, CancellationToken cancellationToken)
    {
        if (body.Channel is null && body.Digest is null && body.DigestAt is null && body.TimeZone is null && body.QuietHours is null && body.MaxAlertsPerHour is null)
            return null;
        var (preferences, invalid) = DeliveryPreferencesParser.Parse(body.Digest, body.DigestAt, body.TimeZone, body.QuietHours, body.MaxAlertsPerHour);
        if (invalid is not null) return ApiProblems.BadRequest(invalid);
        var (request, refused) = await channels.CheckAsync(body.Channel, body.Url, preferences, cancellationToken).ConfigureAwait(false);
        if (refused is not null) return ApiProblems.BadRequest(refused);
        if (request!.Channel == SubscriptionChannel.Webhook) return null;
        var (created, failed) = await channels.CreateAsync(topicIds, request, cancellationToken).ConfigureAwait(false);
        return created is null ? ApiProblems.BadRequest(failed!) : ApiJson.Created(SubscriptionView.From(created), ApiRoutes.Location("subscriptions", created.Id));
    }

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } s
            ? ApiJson.Ok(SubscriptionView.From(s))
            : ApiProblems.NotFound($"Subscription '{id}'");

    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var all = await subscriptions.ListAsync(cancellationToken).Select(s => SubscriptionView.From(s)).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ApiJson.Ok(all.OrderBy(s => s.CreatedAt));
    }

    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await subscriptions.DeleteAsync(id, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : ApiProblems.NotFound($"Subscription '{id}'");

    /// <summary>Sends a signed <c>newsmonitor.test</c> event now and answers with the attempt, so a receiver can be checked end to end.</summary>
    public async Task<IResult> TestAsync(string id, CancellationToken cancellationToken)
    {
        if (await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } s)
            return ApiProblems.NotFound($"Subscription '{id}'");
        // Only to a URL that asked for alerts: otherwise /test would POST to any URL someone typed in.
        if (s.Status != SubscriptionStatus.Active)
            return ApiProblems.Conflict($"Subscription '{id}' is {s.Status.ToString().ToLowerInvariant()}: {s.StatusReason ?? "only active subscriptions get events."}");
        var attempt = await sender.SendTestAsync(s, cancellationToken).ConfigureAwait(false);
        return ApiJson.Ok(AttemptRecords.From(attempt));
    }

    public async Task<IResult> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var fresh = WebhookSecret.Generate().Reveal();
        var rotated = await subscriptions.UpdateAsync(id, s => s is null ? null : s with
        {
            Secrets = [fresh, s.Secrets[0]],
            PreviousSecretExpiresAt = now + RotationOverlap,
        }, cancellationToken).ConfigureAwait(false);
        return rotated is null
            ? ApiProblems.NotFound($"Subscription '{id}'")
            : ApiJson.Ok(SubscriptionView.From(rotated, withSecret: true));
    }

    public async Task<IResult> ListDeliveriesAsync(string id, CancellationToken cancellationToken)
    {
        if (await subscriptions.GetAsync(id, cancellationToken).ConfigureAwait(false) is null)
            return ApiProblems.NotFound($"Subscription '{id}'");
        var log = await deliveries.ListForSubscriptionAsync(id, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var views = new List<DeliveryView>(log.Count);
        foreach (var delivery in log.OrderByDescending(d => d.CreatedAt))
        {
            var match = await matches.GetAsync(delivery.MatchBlob, cancellationToken).ConfigureAwait(false);
            views.Add(DeliveryView.From(delivery, match is null ? null : (Alerts.HtmlText.ToPlainText(match.Item.Title), match.Item.Link)));
        }
        return ApiJson.Ok(views);
    }
}
