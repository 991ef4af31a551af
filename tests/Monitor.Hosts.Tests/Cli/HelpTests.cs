namespace NewsMonitor.Tests.Cli;

/// <summary><c>--help</c> on every command and subcommand exits 0 and prints its usage (issue 2, item 8).</summary>
public sealed class HelpTests
{
    /// <summary>Every command of the tree, found by walking it: a command added later (e.g. topics derive) is covered too.</summary>
    public static TheoryData<string> Commands() => new(Paths(NewsMonitor.Cli.MonitorCommandLine.CreateRoot(), ""));

    private static IEnumerable<string> Paths(System.CommandLine.Command command, string path) =>
        command.Subcommands.SelectMany(sub => Paths(sub, (path + " " + sub.Name).Trim())).Prepend(path);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_exits_0_and_prints_the_usage_of_the_command(string command)
    {
        var path = command.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        var result = await CliRun.InProcessAsync([.. path, "--help"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        Assert.Contains("Usage:", result.Output);
        // In process the root command is named after the test host; the executable test below checks "monitor".
        Assert.Matches($"Usage:\\s+\\S+{string.Concat(path.Select(p => " " + p))}( |$)", result.Output);
    }

    [Fact]
    public void The_tree_has_every_command_of_the_contract()
    {
        var paths = Paths(NewsMonitor.Cli.MonitorCommandLine.CreateRoot(), "").ToHashSet();

        Assert.Superset(
            new HashSet<string> { "", "scan", "run", "topics", "topics list", "topics test", "feeds", "subscribe", "subscriptions", "deliveries" },
            paths);
    }

    [Theory]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task The_short_help_aliases_work_too(string alias)
    {
        var result = await CliRun.InProcessAsync("scan", alias);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("--allow-private-networks", result.Output);
    }

    [Fact]
    public async Task The_executable_prints_root_help_listing_every_command_on_stdout()
    {
        var result = await CliRun.ExecutableAsync("--help");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("", result.Error);
        foreach (var command in new[] { "scan", "run", "topics", "feeds", "subscribe", "subscriptions", "deliveries" })
            Assert.Matches($"(?m)^\\s+{command}\\b", result.Output);
        Assert.Contains("Usage:" + Environment.NewLine + "  monitor [command] [options]", result.Output);
    }

    [Fact]
    public async Task Help_with_a_usage_error_beside_it_still_shows_help()
    {
        var result = await CliRun.InProcessAsync("scan", "--bogus", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output);
    }
}
