namespace NewsMonitor.Alerts;

/// <summary>
/// A matched term and its field, as published in alerts. A type of its own rather than the matcher's TermHit,
/// so that a change in the matcher cannot silently change the payload contract.
/// </summary>
public sealed record AlertHit(string Term, string Field);
