namespace NewsMonitor.Topics;

/// <summary>A topics file: its topics (each carrying <see cref="Lists"/>) and its named term lists.</summary>
public sealed record TopicsDocument(IReadOnlyList<Topic> Topics, TermLists Lists);
