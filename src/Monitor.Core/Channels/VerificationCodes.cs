using System.Security.Cryptography;
using System.Text;

namespace NewsMonitor.Channels;

/// <summary>
/// Short codes people can read in a chat message and type back: eight characters from an alphabet without look-alikes
/// (no 0/O, 1/I/L), shown as ABCD-EFGH; about 10^12 possibilities against at most a handful of tries.
/// </summary>
public static class VerificationCodes
{
    public const int MaxFailedAttempts = 5;
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
    private const int Length = 8;

    public static string New()
    {
        Span<char> code = stackalloc char[Length];
        for (var i = 0; i < Length; i++) code[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return $"{code[..4]}-{code[4..]}";
    }

    /// <summary>Case, spaces and dashes do not matter: people copy codes in many ways.</summary>
    public static string Normalize(string code) =>
        new(code.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static string Hash(string code) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(code))));

    public static bool Matches(string code, string hash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code)), Encoding.ASCII.GetBytes(hash));
}
