namespace NewsMonitor.Relevance;

/// <summary>
/// A proposed edit of a topic's query and what it would change on the topic's labelled examples: the items it would
/// start matching (<see cref="Gained"/>) and stop matching (<see cref="Lost"/>), each marked relevant or not, and the
/// precision and recall before and after. A good edit loses only irrelevant items and gains only relevant ones.
/// </summary>
public sealed record QuerySuggestion(
    string Kind,
    string Edit,
    string Query,
    string Reason,
    IReadOnlyList<ExampleChange> Gained,
    IReadOnlyList<ExampleChange> Lost,
    double PrecisionBefore,
    double RecallBefore,
    double PrecisionAfter,
    double RecallAfter)
{
    public const string Exclusion = "exclusion";
    public const string RequiredContext = "required-context";
    public const string Synonym = "synonym";

    /// <summary>Labelled positives the edit would stop matching: what it costs.</summary>
    public int LostRelevant => Lost.Count(c => c.Relevant);

    /// <summary>Mistakes the edit would fix: irrelevant items no longer matched plus relevant items newly matched.</summary>
    public int Fixed => Lost.Count(c => !c.Relevant) + Gained.Count(c => c.Relevant);
}

/// <summary>One labelled example whose match would change.</summary>
public sealed record ExampleChange(string Id, string Title, bool Relevant);

/// <summary>The suggestions for one topic and how many labelled examples they were measured on.</summary>
public sealed record TopicSuggestions(string TopicId, string Query, int Examples, int Relevant, IReadOnlyList<QuerySuggestion> Suggestions);
