namespace NewsMonitor.Relevance;

/// <summary>A labels file that cannot be used; the message names the file, the line and the reason.</summary>
public sealed class LabelsFileException(string message, Exception? inner = null) : Exception(message, inner);
