using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor deliveries SUBSCRIPTION-ID</c>: the delivery log of one subscription.</summary>
public static class DeliveriesCommand
{
    public static Command Create()
    {
        var id = new Argument<string>("SUBSCRIPTION-ID") { Description = "The subscription's id (sub_...)." };
        var options = ApiCommand.Options.Create();
        var command = options.AddTo(new Command("deliveries", "Show every alert sent to a subscription, its story's title and link, and every attempt: time, status code, latency, error.") { id });
        command.SetAction((parse, cancellationToken) => ApiCommand.RunAsync(parse, options,
            client => client.ListDeliveriesAsync(parse.GetValue(id)!, cancellationToken),
            (log, output) =>
            {
                foreach (var delivery in log.EnumerateArray()) SubscriptionsApi.SubscriptionText.Delivery(delivery, output);
                output.WriteLine($"{log.GetArrayLength()} deliveries.");
            }));
        return command;
    }
}
