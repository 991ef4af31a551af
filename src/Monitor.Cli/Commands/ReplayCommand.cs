using System.CommandLine;
using NewsMonitor.Cli.Commands.SubscriptionsApi;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor replay DELIVERY-ID</c>: send a finished alert again, with the same webhook-id.</summary>
public static class ReplayCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("DELIVERY-ID") { Description = "The delivery's id, as `monitor deliveries SUBSCRIPTION-ID` shows it." };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("replay", "Send a delivered, dead-lettered or cancelled alert again (same webhook-id, so receivers can deduplicate).") { id });
        command.SetAction((parse, ct) => ApiCommand.RunAsync(parse, options,
            client => client.ReplayAsync(parse.GetValue(id)!, ct),
            (delivery, output) =>
            {
                output.WriteLine("Replay queued:");
                SubscriptionText.Delivery(delivery, output);
            }));
        return command;
    }
}
