using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

/// <summary>The run-at-a-time snippet copy gives the text the character-by-character copy gave.</summary>
public sealed class SnippetTests
{
    [Theory]
    [InlineData("a  b\t\tc", 0, 7)]
    [InlineData("  leading and trailing  ", 0, 24)]
    [InlineData("x\u00A0\u2003y\r\n z", 0, 8)]
    [InlineData("no-space-at-all", 3, 12)]
    [InlineData("", 0, 0)]
    public void Collapses_whitespace_runs_like_the_character_by_character_copy(string text, int start, int end) =>
        AssertSameCopy(text, start, end, []);

    [Fact]
    public void Brackets_ranges_that_touch_each_other_the_window_edges_and_whitespace()
    {
        const string text = " ab  cd\u3000ef \t gh ";
        AssertSameCopy(text, 0, text.Length, [(1, 3), (3, 4), (5, 7)]);
        AssertSameCopy(text, 1, text.Length, [(1, 7), (10, 15)]);
        AssertSameCopy(text, 0, text.Length, [(0, 1), (2, 5), (15, 16)]); // ranges that start or end on whitespace
    }

    [Theory]
    [InlineData("ab é歯  \t\n\u00A0\u2028\u3000\u200B-")] // whitespace of all kinds
    [InlineData("abcdefgh 歯")] // mostly single spaces: the window-at-a-time copy
    public void Random_texts_and_ranges_give_the_same_snippet_text(string alphabet)
    {
        var random = new Random(20261130);
        for (var round = 0; round < 5000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 60)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var start = random.Next(0, text.Length + 1);
            var end = random.Next(start, text.Length + 1);
            var ranges = new List<(int, int)>();
            for (var position = start; position < end && random.Next(3) > 0;)
            {
                var rangeStart = random.Next(position, end);
                var rangeEnd = random.Next(rangeStart + 1, end + 1);
                ranges.Add((rangeStart, rangeEnd));
                position = rangeEnd;
            }
            AssertSameCopy(text, start, end, ranges.ToArray());
        }
    }

    private static void AssertSameCopy(string text, int start, int end, (int Start, int End)[] ranges)
    {
        var size = end - start + ranges.Length * 2;
        var expected = new char[size];
        var actual = new char[size];
        var expectedLength = CopyBracketedCharByChar(text, start, end, ranges, expected, 0);
        var actualLength = Snippet.CopyBracketed(text, start, end, ranges, Snippet.IsSingleSpaced(text.AsSpan(start, end - start)), actual, 0);
        Assert.Equal(new string(expected, 0, expectedLength), new string(actual, 0, actualLength));
    }

    /// <summary>The reference: the copy snippets used before, a character at a time.</summary>
    private static int CopyBracketedCharByChar(string text, int start, int end, (int Start, int End)[] ranges, char[] output, int n)
    {
        var r = 0;
        var lastWasSpace = true; // drops leading whitespace
        for (var i = start; i < end; i++)
        {
            if (r < ranges.Length && i == ranges[r].Start) { output[n++] = '['; lastWasSpace = false; }
            var c = text[i];
            var space = char.IsWhiteSpace(c);
            if (!space || !lastWasSpace) output[n++] = space ? ' ' : c;
            lastWasSpace = space;
            if (r < ranges.Length && i == ranges[r].End - 1) { output[n++] = ']'; r++; }
        }
        return n;
    }
}
