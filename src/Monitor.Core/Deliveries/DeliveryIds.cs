namespace NewsMonitor.Deliveries;

/// <summary>
/// A delivery's id is <c>{subscriptionId}-{storyKey}</c>: derived, not random, so one story planned twice (a replayed
/// cycle, two topics, two feeds) lands on the same record — one alert per (subscription, story).
/// </summary>
public static class DeliveryIds
{
    public static string For(string subscriptionId, string storyKey) => $"{subscriptionId}{Separator}{storyKey}";

    // Not '.': webhook ids (which these are) must not contain one, because Standard Webhooks signs "{id}.{timestamp}.{body}".
    private const char Separator = '-';

    public static bool TryParse(string? deliveryId, out string subscriptionId, out string storyKey)
    {
        subscriptionId = storyKey = "";
        var dot = deliveryId?.IndexOf(Separator) ?? -1;
        if (dot <= 0 || dot == deliveryId!.Length - 1) return false;
        subscriptionId = deliveryId[..dot];
        storyKey = deliveryId[(dot + 1)..];
        return Subscriptions.SubscriptionIds.IsValid(subscriptionId) && storyKey.All(char.IsAsciiLetterOrDigit);
    }
}
