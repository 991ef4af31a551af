namespace NewsMonitor.Matching;

/// <summary>A normalised term segment to find in items; with <see cref="IsPrefix"/>, its last word may continue.</summary>
internal readonly record struct TermPattern(string Text, bool IsPrefix);
