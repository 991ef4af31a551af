using System.CommandLine;
using System.Text.Json;
using NewsMonitor.Api;

namespace NewsMonitor.Cli.Commands;

/// <summary>Runs one API call for a command and prints the answer as indented JSON; a refusal prints the server's reason.</summary>
public static class ApiCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static async Task<int> RunAsync(ParseResult parse, Option<string> api, Option<string?> apiKey, Func<MonitorApiClient, Task<JsonElement>> call)
    {
        MonitorApiClient client;
        try
        {
            client = MonitorApiClient.Create(parse.GetValue(api)!, parse.GetValue(apiKey));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }

        try
        {
            var answer = await call(client);
            parse.InvocationConfiguration.Output.WriteLine(JsonSerializer.Serialize(answer, Indented));
            return ExitCodes.Success;
        }
        catch (MonitorApiException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return e.StatusCode is >= 400 and < 500 ? ExitCodes.Usage : ExitCodes.PartialFailure;
        }
    }
}
