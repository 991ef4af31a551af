#:sdk Microsoft.NET.Sdk.Web
// A sample NewsMonitor webhook receiver, as a .NET 10 single-file app:
//   dotnet run docs/examples/receiver.cs -- http://127.0.0.1:5099
// It answers the verification challenge (GET ?challenge=...), verifies each alert's Standard Webhooks signature with
// the secret (whsec_..., printed once by `monitor subscribe`) saved in receiver.secret beside this file (`dotnet run`
// runs a file-based app in the file's own folder) or NEWSMONITOR_SECRET, and
// prints the alert with its why.
// Until the secret is set it prints the alerts it cannot verify and answers 401, so NewsMonitor retries them.
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

var url = args.Length > 0 ? args[0] : "http://127.0.0.1:5099";
var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders(); // only the lines below
var app = builder.Build();

app.MapGet("/hooks/news", (string? challenge) =>
{
    Console.WriteLine($"challenge answered: {challenge}");
    return Results.Text(challenge ?? "");
});

app.MapPost("/hooks/news", async (HttpRequest request) =>
{
    using var reader = new StreamReader(request.Body, Encoding.UTF8);
    var body = await reader.ReadToEndAsync();
    var id = request.Headers["webhook-id"].ToString();
    var timestamp = request.Headers["webhook-timestamp"].ToString();
    var signatures = request.Headers["webhook-signature"].ToString();
    // Read on every alert, so the secret can be saved after `monitor subscribe` printed it, without a restart.
    var secret = Environment.GetEnvironmentVariable("NEWSMONITOR_SECRET")
        ?? (File.Exists("receiver.secret") ? File.ReadAllText("receiver.secret").Trim() : null);
    if (string.IsNullOrEmpty(secret) || !Verify(secret, id, timestamp, body, signatures))
    {
        Console.WriteLine($"REJECTED {id}: {(string.IsNullOrEmpty(secret) ? "save the subscription's secret in receiver.secret (or NEWSMONITOR_SECRET) to verify signatures" : "bad signature or timestamp")}");
        return Results.Unauthorized();
    }

    using var alert = JsonDocument.Parse(body);
    var type = alert.RootElement.GetProperty("type").GetString();
    var data = alert.RootElement.GetProperty("data");
    var item = data.GetProperty("item");
    Console.WriteLine($"verified {type} {id}");
    Console.WriteLine($"  {item.GetProperty("title").GetString()}");
    if (item.TryGetProperty("link", out var link)) Console.WriteLine($"  {link.GetString()}");
    if (data.TryGetProperty("why", out var why)) Console.WriteLine($"  why: {why.GetString()}");
    return Results.NoContent();
});

app.Run(url);

// Standard Webhooks: v1,<base64 HMAC-SHA256 of "{id}.{timestamp}.{body}"> with the decoded whsec_ key; any of the
// space-separated signatures may match (two during a secret rotation); the timestamp must be within five minutes.
static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader)
{
    if (!long.TryParse(timestamp, out var seconds) || Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeSeconds() - seconds) > 300) return false;
    var key = Convert.FromBase64String(secret["whsec_".Length..]);
    var expected = Encoding.ASCII.GetBytes("v1," + Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
    return signatureHeader.Split(' ').Any(s => CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s), expected));
}
