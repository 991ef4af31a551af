namespace NewsMonitor.Deliveries;

/// <summary>What recording one match did: whether the (topic, story) was new, and how many alerts it planned.</summary>
public sealed record PlanOutcome(bool IsNewMatch, int DeliveriesPlanned);
