using System.CommandLine;
using System.Text.Json;
using NewsMonitor.Api;

namespace NewsMonitor.Cli.Commands;

/// <summary>
/// Runs one API call for a command and prints the answer: as text for a person (names and titles, not only ids) or,
/// with <c>--format json</c>, as the API's indented JSON. A refusal prints the server's reason (exit 2 for a 4xx).
/// </summary>
public static class ApiCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The options every command that talks to a running host has: --api, --api-key and --format.</summary>
    public sealed record Options(Option<string> Api, Option<string?> ApiKey, Option<string> Format)
    {
        public static Options Create() => new(CommonOptions.Api(), CommonOptions.ApiKey(), CommonOptions.Format());

        public Command AddTo(Command command)
        {
            command.Options.Add(Api);
            command.Options.Add(ApiKey);
            command.Options.Add(Format);
            return command;
        }
    }

    public static Task<int> RunAsync(ParseResult parse, Options options, Func<MonitorApiClient, Task<JsonElement>> call, Action<JsonElement, TextWriter> writeText) =>
        RunAsync(parse, options.Api, options.ApiKey, options.Format, call, writeText);

    private static async Task<int> RunAsync(ParseResult parse, Option<string> api, Option<string?> apiKey, Option<string> format,
        Func<MonitorApiClient, Task<JsonElement>> call, Action<JsonElement, TextWriter> writeText)
    {
        var client = Connect(parse, api, apiKey);
        try
        {
            var answer = await call(client);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "text") writeText(answer, output);
            else if (answer.ValueKind != JsonValueKind.Undefined) output.WriteLine(JsonSerializer.Serialize(answer, Indented));
            return ExitCodes.Success;
        }
        catch (MonitorApiException e)
        {
            parse.InvocationConfiguration.Error.WriteLine($"error: {e.Message}");
            return e.StatusCode is >= 400 and < 500 ? ExitCodes.Usage : ExitCodes.PartialFailure;
        }
    }

    public static MonitorApiClient Connect(ParseResult parse, Option<string> api, Option<string?> apiKey)
    {
        try
        {
            return MonitorApiClient.Create(parse.GetValue(api)!, parse.GetValue(apiKey));
        }
        catch (ArgumentException e)
        {
            throw new UsageException(e.Message);
        }
    }

    /// <summary>A string property, or null when absent or null.</summary>
    public static string? Text(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
