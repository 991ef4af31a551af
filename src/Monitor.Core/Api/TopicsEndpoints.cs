using Microsoft.AspNetCore.Http;
using NewsMonitor.Pipeline;
using NewsMonitor.Topics;

namespace NewsMonitor.Api;

/// <summary><c>/api/topics</c>: list, read, create (custom topics with a query) and delete.</summary>
public sealed class TopicsEndpoints(TopicCatalog catalog)
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
        if (string.IsNullOrWhiteSpace(body.Name)) return ApiProblems.BadRequest("Give the topic a non-empty \"name\".");
        try
        {
            TopicQuery.Parse(body.Query, catalog.Lists);
        }
        catch (QueryParseException e)
        {
            return ApiProblems.BadRequest($"The query is not valid: {e.Message}", new Dictionary<string, object?> { ["position"] = e.Position });
        }

        var topic = new Topic { Id = body.Id, Name = body.Name.Trim(), Query = body.Query, Description = body.Description, Languages = body.Languages };
        if (!await catalog.TryCreateAsync(topic, cancellationToken).ConfigureAwait(false))
            return ApiProblems.Conflict($"A topic with id '{topic.Id}' exists already; choose another id or delete it first.");
        return ApiJson.Ok(TopicView.From(topic, fromFile: false), StatusCodes.Status201Created);
    }

    public async Task<IResult> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        if (catalog.IsFileTopic(id))
            return ApiProblems.Conflict($"Topic '{id}' comes from the topics file and cannot be deleted through the API; edit the file instead.");
        return await catalog.DeleteAsync(id, cancellationToken).ConfigureAwait(false)
            ? Results.NoContent()
            : ApiProblems.NotFound($"Topic '{id}'");
    }
}
