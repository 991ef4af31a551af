using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor deliveries SUBSCRIPTION-ID</c>: the delivery log of one subscription.</summary>
public static class DeliveriesCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("SUBSCRIPTION-ID") { Description = "The subscription's id (sub_...)." };
        var api = CommonOptions.Api();
        var apiKey = CommonOptions.ApiKey();
        var command = new Command("deliveries", "Show every alert sent to a subscription and every attempt: time, status code, latency, error.") { id, api, apiKey };
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, api, apiKey,
            client => client.ListDeliveriesAsync(parse.GetValue(id)!, cancellationToken)));
        return command;
    }
}
