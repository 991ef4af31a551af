using System.Security.Cryptography;

namespace NewsMonitor.Subscriptions;

/// <summary>Subscription ids: <c>sub_</c> and 20 random hex digits, unguessable and safe in blob names and routes.</summary>
public static class SubscriptionIds
{
    public static string New() => "sub_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    public static bool IsValid(string? id) =>
        id is { Length: 24 } && id.StartsWith("sub_", StringComparison.Ordinal) && id.AsSpan(4).ContainsAnyExcept("0123456789abcdef") is false;
}
