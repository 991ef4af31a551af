using NewsMonitor.Topics;

namespace NewsMonitor.Tests.Topics;

public sealed class TopicsFileTests
{
    [Fact]
    public void Parses_topics_and_allows_extra_fields()
    {
        var topics = TopicsFile.Parse("""
            [
              { "id": "habomai", "name": "Habomai", "query": "habomai* OR 歯舞", "description": "islets",
                "languages": ["en", "ja"], "provenance": "hand-written" },
              { "id": "kuril-islands", "name": "Kurils", "query": "kuril*" }
            ]
            """, "test.json");

        Assert.Equal(["habomai", "kuril-islands"], topics.Select(t => t.Id));
        Assert.Equal("islets", topics[0].Description);
        Assert.Equal(["en", "ja"], topics[0].Languages!);
        Assert.Null(topics[1].Languages);
    }

    [Theory]
    [InlineData("""{"id":"a"}""", "must be a JSON array", null)]
    [InlineData("""[{"id":"a","name":"A","query":"x"},""", "not valid JSON", null)]
    [InlineData("""[{"name":"A","query":"x"}]""", "topic #1: missing 'id'", null)]
    [InlineData("""[{"id":"a","query":"x"}]""", "topic 'a': missing 'name'", "a")]
    [InlineData("""[{"id":"a","name":"A"}]""", "topic 'a': missing 'query'", "a")]
    [InlineData("""[{"id":"a","name":"A","query":"  "}]""", "topic 'a': missing 'query'", "a")]
    [InlineData("""[{"id":"Bad Id","name":"A","query":"x"}]""", "topic 'Bad Id': id must match", "Bad Id")]
    [InlineData("""[{"id":"-a","name":"A","query":"x"}]""", "id must match", "-a")]
    [InlineData("""[{"id":"a","name":"A","query":"x"},{"id":"a","name":"B","query":"y"}]""", "topic 'a': duplicate id", "a")]
    [InlineData("""[{"id":"a","name":"A","query":"(x OR y"}]""", "topic 'a': invalid query: '(' is never closed (at position 0)", "a")]
    [InlineData("""[{"id":"a","name":"A","query":"x","languages":"en"}]""", "'languages' must be an array of strings", "a")]
    [InlineData("""[{"id":"a","name":7,"query":"x"}]""", "'name' must be a string", "a")]
    [InlineData("""[42]""", "topic #1: must be a JSON object", null)]
    public void Rejects_bad_files_naming_the_topic_and_reason(string json, string reason, string? topicId)
    {
        var error = Assert.Throws<TopicsFileException>(() => TopicsFile.Parse(json, "my-topics.json"));
        Assert.Contains(reason, error.Message);
        Assert.StartsWith("my-topics.json: ", error.Message);
        Assert.Equal(topicId, error.TopicId);
    }

    [Fact]
    public async Task Loads_from_a_file_and_reports_a_missing_one()
    {
        var path = Path.Combine(Path.GetTempPath(), $"topics-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(path, """[{"id":"a","name":"A","query":"x"}]""");
        try
        {
            Assert.Single(TopicsFile.Load(path));
            Assert.Single(await TopicsFile.LoadAsync(path, CancellationToken.None));
        }
        finally
        {
            File.Delete(path);
        }
        var error = Assert.Throws<TopicsFileException>(() => TopicsFile.Load(path));
        Assert.Contains("cannot read", error.Message);
    }

    [Fact]
    public void Seed_topics_file_has_the_four_seed_topics_in_nine_languages_sharing_term_lists()
    {
        var document = TopicsFile.LoadDocument(SeedFiles.TopicsPath);
        Assert.Equal(["peace-treaty", "habomai", "shikotan", "northern-territories"], document.Topics.Select(t => t.Id).Take(4));
        Assert.All(document.Topics, t =>
        {
            Assert.False(string.IsNullOrWhiteSpace(t.Description));
            Assert.Equal(["en", "ja", "ru", "de", "fr", "es", "pt", "zh", "ko"], t.Languages!);
            Assert.Same(document.Lists, t.Lists);
        });
        // Named lists replaced the repeated blocks: no query is longer than a few hundred characters.
        Assert.All(document.Topics, t => Assert.True(t.Query.Length < 1_200, $"{t.Id}: {t.Query.Length} characters"));
        Assert.True(document.Lists.Count >= 10);
    }
}
