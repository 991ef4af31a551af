using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsMonitor.Hosting;
using NewsMonitor.Matches;
using NewsMonitor.Pipeline;

namespace NewsMonitor.Api;

/// <summary><c>GET /api/matches?topic=&amp;since=&amp;limit=</c> and <c>GET /api/topics/{id}/feed</c> (Atom, for any feed reader).</summary>
public sealed class MatchesEndpoints(MatchStore matches, TopicCatalog topics, IOptions<MonitorOptions> options)
{
    private const int DefaultLimit = 100;
    private const int MaxLimit = 1000;

    public async Task<IResult> ListAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var topic = request.Query["topic"].ToString() is { Length: > 0 } t ? t : null;
        if (topic is not null && await topics.GetAsync(topic, cancellationToken).ConfigureAwait(false) is null)
            return ApiProblems.BadRequest($"Unknown topic '{topic}'. GET /api/topics lists the topics.");

        DateTimeOffset? since = null;
        if (request.Query["since"].ToString() is { Length: > 0 } sinceText)
        {
            if (!DateTimeOffset.TryParse(sinceText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                return ApiProblems.BadRequest($"'since' must be an ISO 8601 time such as 2026-11-30T00:00:00Z, not '{sinceText}'.");
            since = parsed;
        }

        var limit = DefaultLimit;
        if (request.Query["limit"].ToString() is { Length: > 0 } limitText &&
            (!int.TryParse(limitText, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            return ApiProblems.BadRequest($"'limit' must be a whole number from 1 to {MaxLimit}.");

        var found = await matches.ListAsync(topic, since, limit, cancellationToken).Select(MatchView.From).ToListAsync(cancellationToken).ConfigureAwait(false);
        return ApiJson.Ok(found);
    }

    public async Task<IResult> AtomFeedAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await topics.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } topic)
            return ApiProblems.NotFound($"Topic '{id}'");
        var recent = await matches.ListAsync(id, null, DefaultLimit, cancellationToken).ToListAsync(cancellationToken).ConfigureAwait(false);
        var selfUrl = options.Value.PublicBaseUrl is { Length: > 0 } publicBase
            ? $"{publicBase.TrimEnd('/')}{ApiRoutes.Prefix}/topics/{Uri.EscapeDataString(id)}/feed"
            : $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}";
        return Results.Text(AtomFeedWriter.Write(topic, recent, selfUrl), "application/atom+xml; charset=utf-8");
    }
}
