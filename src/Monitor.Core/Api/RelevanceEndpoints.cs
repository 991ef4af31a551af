using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using NewsMonitor.Hosting;
using NewsMonitor.Matches;
using NewsMonitor.Pipeline;
using NewsMonitor.Relevance;

namespace NewsMonitor.Api;

/// <summary>
/// <c>POST /api/matches/{id}/feedback</c> (a user's verdict, stored as a labelled example of the topic) and
/// <c>GET /api/topics/{id}/suggestions</c> (query edits measured on the topic's feedback and labels files).
/// </summary>
public sealed class RelevanceEndpoints(MatchStore matches, FeedbackStore feedback, TopicCatalog topics, IOptions<MonitorOptions> options, TimeProvider time)
{
    private const int MaxNoteLength = 2_000;

    public async Task<IResult> FeedbackAsync(string id, HttpRequest request, CancellationToken cancellationToken)
    {
        if (!MatchIds.TryParse(id, out var topicId, out var storyKey))
            return ApiProblems.NotFound($"Match '{id}'");
        var (body, problem) = await ApiJson.ReadAsync<FeedbackRequest>(request, cancellationToken).ConfigureAwait(false);
        if (problem is not null) return problem;
        if (body!.Relevant is not { } relevant) return ApiProblems.BadRequest("Say whether the match was relevant: {\"relevant\": true} or {\"relevant\": false}.");
        if (body.Note is { Length: > MaxNoteLength }) return ApiProblems.BadRequest($"The note is longer than {MaxNoteLength} characters.");
        if (await matches.GetAsync(MatchStore.BlobName(topicId, storyKey), cancellationToken).ConfigureAwait(false) is not { } match)
            return ApiProblems.NotFound($"Match '{id}'");

        var given = new MatchFeedback
        {
            MatchId = id,
            TopicId = topicId,
            Relevant = relevant,
            Note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim(),
            Title = match.Item.Title ?? "",
            Summary = match.Item.Summary ?? "",
            GivenAt = time.GetUtcNow(),
        };
        await feedback.PutAsync(storyKey, given, cancellationToken).ConfigureAwait(false);
        return ApiJson.Ok(given);
    }

    public async Task<IResult> SuggestionsAsync(string id, CancellationToken cancellationToken)
    {
        if (await topics.GetAsync(id, cancellationToken).ConfigureAwait(false) is not { } topic)
            return ApiProblems.NotFound($"Topic '{id}'");
        var examples = new List<LabelledExample>();
        await foreach (var verdict in feedback.ListAsync(id, cancellationToken).ConfigureAwait(false)) examples.Add(verdict.ToExample());
        try
        {
            examples.AddRange(LabelsFile.Load(options.Value.RelevanceLabelFiles.Select(ContentPaths.Resolve)).Where(e => examples.All(f => f.Id != e.Id)));
        }
        catch (LabelsFileException e)
        {
            return Results.Problem(e.Message, statusCode: StatusCodes.Status500InternalServerError, title: "A configured labels file cannot be read");
        }
        return ApiJson.Ok(QuerySuggester.Suggest(topic with { Lists = topic.Lists ?? topics.Lists }, examples, cancellationToken: cancellationToken));
    }
}
