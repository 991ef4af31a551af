namespace NewsMonitor.Feeds;

/// <summary>A feed to load in a batch, with the state stored after its previous poll (null on the first).</summary>
public sealed record FeedLoadRequest(string Source, FeedPollState? Previous = null);
