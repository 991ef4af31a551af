using Microsoft.AspNetCore.Http;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Api;

/// <summary><c>/api/feeds</c>: the feed list with each feed's health; add, read and remove feeds at run time; poll one now.</summary>
public sealed class FeedsEndpoints(FeedCatalog catalog, FeedHealth health, FeedPoller poller)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken) =>
        ApiJson.Ok(await health.ListAsync(cancellationToken).ConfigureAwait(false));

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await catalog.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } feed
            ? ApiJson.Ok(await health.ViewAsync(feed, cancellationToken).ConfigureAwait(false))
            : ApiProblems.NotFound($"Feed '{id}'");

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadAsync<CreateFeedRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;
        var added = await catalog.AddAsync(body!.Url, body.Name, cancellationToken).ConfigureAwait(false);
        if (added.Refusal is { } refusal) return ApiProblems.BadRequest($"The feed URL cannot be used: {refusal}");
        var feed = added.Feed!;
        if (!added.Created)
            return ApiProblems.Conflict($"The feed {feed.Source} is on the list already, with id '{feed.Id}'.",
                new Dictionary<string, object?> { ["id"] = feed.Id });
        return ApiJson.Created(await health.ViewAsync(feed, cancellationToken).ConfigureAwait(false), ApiRoutes.Location("feeds", feed.Id));
    }

    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken) =>
        await catalog.RemoveAsync(id, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : ApiProblems.NotFound($"Feed '{id}'");

    /// <summary>Polls the feed now, ignoring its ttl and failure backoff, and answers with what the poll found.</summary>
    public async Task<IResult> PollAsync(string id, CancellationToken cancellationToken)
    {
        if (await catalog.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } feed)
            return ApiProblems.NotFound($"Feed '{id}'");
        var summary = await poller.PollNowAsync(feed.Source, cancellationToken).ConfigureAwait(false);
        if (!summary.Polled)
            return ApiProblems.Conflict($"Feed '{id}' is being polled right now; its result will be in GET /api/feeds/{id} in a moment.");
        return ApiJson.Ok(new FeedPollView(summary.NewItems, summary.Matches, summary.Error, await health.ViewAsync(feed, cancellationToken).ConfigureAwait(false)));
    }
}
