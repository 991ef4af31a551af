using System.CommandLine;

namespace NewsMonitor.Cli;

/// <summary>Parses, reports usage errors with exit code 2 (the CLI contract), and runs the chosen command.</summary>
public static class CommandLineRunner
{
    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter? output = null, TextWriter? error = null)
    {
        var parse = root.Parse(args);
        error ??= Console.Error;
        if (parse.Errors.Count > 0 && !HelpRequested(args))
        {
            foreach (var parseError in parse.Errors) error.WriteLine($"error: {parseError.Message}");
            error.WriteLine($"Run '{CommandPath(parse)} --help' for usage.");
            return ExitCodes.Usage;
        }

        // System.CommandLine's own exception handler would turn a UsageException into "Unhandled exception" and exit 1.
        var configuration = new InvocationConfiguration { Output = output ?? Console.Out, Error = error, EnableDefaultExceptionHandler = false };
        try
        {
            return await parse.InvokeAsync(configuration);
        }
        catch (UsageException usage)
        {
            error.WriteLine($"error: {usage.Message}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            return ExitCodes.Canceled;
        }
        catch (Exception unexpected)
        {
            error.WriteLine($"Unhandled exception: {unexpected}");
            return ExitCodes.PartialFailure;
        }
    }

    private static bool HelpRequested(string[] args) => args.Any(a => a is "--help" or "-h" or "-?");

    private static string CommandPath(ParseResult parse)
    {
        var names = new List<string>();
        for (var result = parse.CommandResult; result is not null; result = result.Parent as System.CommandLine.Parsing.CommandResult)
            names.Insert(0, result.Command is RootCommand ? "monitor" : result.Command.Name);
        return string.Join(' ', names);
    }
}
