using System.CommandLine;

namespace NewsMonitor.Cli.Commands;

/// <summary><c>monitor topics derive ARTICLE</c>: proposes topics (keyphrases and names, each with a query) from an article.</summary>
public static class DeriveCommand
{
    public static Command Create()
    {
        var article = new Argument<string>("ARTICLE") { Description = "A text file holding the article, e.g. seeds/japan-russia-peace-treaty-2018-11-20.txt." };
        var top = new Option<int>("--top") { Description = "How many candidates to propose.", DefaultValueFactory = _ => 15 };
        var format = CommonOptions.Format();
        var command = new Command("derive", "Propose topics from an article: keyphrases and names, best first, each with a suggested query.") { article, top, format };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(article)!;
            if (!File.Exists(path)) throw new UsageException($"The article '{path}' does not exist.");
            if (parse.GetValue(top) is < 1 or > 500) throw new UsageException("--top must be between 1 and 500.");
            var derivation = new Topics.TopicDeriver().DeriveWithContext(File.ReadAllText(path), parse.GetValue(top));
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                output.WriteLine(System.Text.Json.JsonSerializer.Serialize(derivation, Api.ApiJson.Options));
                return ExitCodes.Success;
            }
            foreach (var (candidate, rank) in derivation.Candidates.Select((c, i) => (c, i + 1)))
            {
                output.WriteLine($"{rank,3}. {candidate.Phrase} ({candidate.Kind}, score {candidate.Score:0.00}){Environment.NewLine}     query: {candidate.SuggestedQuery}");
                if (candidate.ContextQuery is { } withContext) output.WriteLine($"     with context: {withContext}");
            }
            foreach (var (name, terms) in derivation.Lists)
                output.WriteLine($"list @{name}: {string.Join(", ", terms)}  (for the topics file's \"lists\")");
            return ExitCodes.Success;
        });
        return command;
    }
}
