namespace NewsMonitor.Matching;

/// <summary>One query term found in one field of an item ("title" or "summary").</summary>
public sealed record TermHit(string Term, string Field)
{
    public const string TitleField = "title";
    public const string SummaryField = "summary";
}
