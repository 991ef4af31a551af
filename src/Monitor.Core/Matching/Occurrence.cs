namespace NewsMonitor.Matching;

/// <summary>Where a term occurs in an item's normalised text: character offsets, end exclusive.</summary>
internal readonly record struct Occurrence(int Start, int End);
