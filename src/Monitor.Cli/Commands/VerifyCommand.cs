using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor verify ID CODE</c>: activates a chat or e-mail subscription with the code the service sent to its channel.</summary>
public static class VerifyCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("ID") { Description = "The subscription id (sub_...), as printed by monitor subscribe." };
        var code = new Argument<string>("CODE") { Description = "The code posted to the chat channel or e-mailed, e.g. ABCD-EFGH." };
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var command = new Command("verify", "Confirm a slack, teams, discord or email subscription with the code sent to it (five tries).") { id, code, api, apiKey };
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, api, apiKey,
            client => client.VerifyAsync(parse.GetValue(id)!, parse.GetValue(code)!, cancellationToken)));
        return command;
    }
}
