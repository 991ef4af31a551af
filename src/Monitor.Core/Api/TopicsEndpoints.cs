using Microsoft.AspNetCore.Http;
using NewsMonitor.Pipeline;
using NewsMonitor.Subscriptions;
using NewsMonitor.Topics;

namespace NewsMonitor.Api;

/// <summary><c>/api/topics</c>: list, read, create and replace (custom topics with a query) and delete.</summary>
public sealed class TopicsEndpoints(TopicCatalog catalog, SubscriptionStore subscriptions)
{
    public async Task<IResult> ListAsync(CancellationToken cancellationToken)
    {
        var topics = await catalog.ListAsync(cancellationToken).ConfigureAwait(false);
        return ApiJson.Ok(topics.Select(t => TopicView.From(t, catalog.IsFileTopic(t.Id))));
    }

    public async Task<IResult> GetAsync(string id, CancellationToken cancellationToken) =>
        await catalog.GetAsync(id, cancellationToken).ConfigureAwait(false) is { } topic
            ? ApiJson.Ok(TopicView.From(topic, catalog.IsFileTopic(id)))
            : ApiProblems.NotFound($"Topic '{id}'");

    public async Task<IResult> CreateAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadAsync<CreateTopicRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;
        if (!TopicIds.IsValid(body!.Id))
            return ApiProblems.BadRequest($"Topic id '{body.Id}' is not valid: use 1–64 lower-case letters, digits and dashes, starting with a letter or digit.");
        if (Invalid(body.Name, body.Query) is { } invalid) return invalid;

        var topic = new Topic { Id = body.Id, Name = body.Name.Trim(), Query = body.Query, Description = body.Description, Languages = body.Languages };
        if (!await catalog.TryCreateAsync(topic, cancellationToken).ConfigureAwait(false))
            return ApiProblems.Conflict($"A topic with id '{topic.Id}' exists already; choose another id, or change it with PUT /api/topics/{topic.Id}.");
        return ApiJson.Created(TopicView.From(topic, fromFile: false), ApiRoutes.Location("topics", topic.Id));
    }

    /// <summary><c>PUT /api/topics/{id}</c>: replaces a custom topic's name and query, validated as on creation; in force for the next poll.</summary>
    public async Task<IResult> UpdateAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiJson.ReadAsync<UpdateTopicRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;
        if (body!.Id is { } bodyId && bodyId != id)
            return ApiProblems.BadRequest($"The body's \"id\" '{bodyId}' differs from the route's '{id}'; a topic's id cannot change (create a new topic instead).");
        if (catalog.IsFileTopic(id))
            return ApiProblems.Conflict($"Topic '{id}' comes from the topics file and cannot be changed through the API; edit the file instead.");
        if (Invalid(body.Name, body.Query) is { } invalid) return invalid;

        var topic = new Topic { Id = id, Name = body.Name.Trim(), Query = body.Query, Description = body.Description, Languages = body.Languages };
        return await catalog.TryReplaceAsync(topic, cancellationToken).ConfigureAwait(false)
            ? ApiJson.Ok(TopicView.From(topic, fromFile: false))
            : ApiProblems.NotFound($"Topic '{id}'");
    }

    /// <summary>
    /// Deletes a custom topic. One that subscriptions follow is kept (409, naming them) unless <c>?force=true</c>: then
    /// the subscriptions keep the id and get nothing for it until a topic with that id exists again.
    /// </summary>
    public async Task<IResult> DeleteAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (catalog.IsFileTopic(id))
            return ApiProblems.Conflict($"Topic '{id}' comes from the topics file and cannot be deleted through the API; edit the file instead.");
        if (await catalog.GetAsync(id, cancellationToken).ConfigureAwait(false) is null) return ApiProblems.NotFound($"Topic '{id}'");

        var force = request.Query["force"].ToString();
        if (force is { Length: > 0 } && !bool.TryParse(force, out _))
            return ApiProblems.BadRequest($"'force' must be true or false, not '{force}'.");
        if (!string.Equals(force, "true", StringComparison.OrdinalIgnoreCase))
        {
            var users = await subscriptions.ListAsync(cancellationToken).Where(s => s.Follows(id)).ToListAsync(cancellationToken).ConfigureAwait(false);
            if (users.Count > 0)
                return ApiProblems.Conflict(
                    $"Topic '{id}' is followed by {users.Count} subscription(s): {string.Join(", ", users.Select(s => $"{s.Id} ({s.Url})"))}. "
                    + $"Delete them first, or delete the topic anyway with DELETE /api/topics/{id}?force=true.",
                    new Dictionary<string, object?> { ["subscriptions"] = users.Select(s => s.Id).ToArray() });
        }
        return await catalog.DeleteAsync(id, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : ApiProblems.NotFound($"Topic '{id}'");
    }

    private static IResult? Invalid(string name, string query)
    {
        if (string.IsNullOrWhiteSpace(name)) return ApiProblems.BadRequest("Give the topic a non-empty \"name\".");
        try
        {
            TopicQuery.Parse(query);
            return null;
        }
        catch (QueryParseException e)
        {
            return ApiProblems.BadRequest($"The query is not valid: {e.Message}", new Dictionary<string, object?> { ["position"] = e.Position });
        }
    }
}
