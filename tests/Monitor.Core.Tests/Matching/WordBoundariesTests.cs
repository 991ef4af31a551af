using NewsMonitor.Matching;

namespace NewsMonitor.Tests.Matching;

public sealed class WordBoundariesTests
{
    /// <summary>
    /// The bitmap is built eight characters at a time, with blocks holding characters from U+1100 on decided one by
    /// one; walking it must find exactly the words a character-by-character scan finds, at every text length.
    /// </summary>
    [Fact]
    public void Walking_the_bitmap_finds_the_words_a_character_scan_finds()
    {
        var random = new Random(1130);
        const string alphabet = "abcxyz019 \nΩжἀ色歯ア한";
        for (var round = 0; round < 3000; round++)
        {
            var text = new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            var bits = new ulong[WordBoundaries.BitmapLength(text.Length)];
            WordBoundaries.Mark(text, bits);

            var expected = new List<(int, int)>();
            for (var i = 0; i < text.Length;)
            {
                if (NormalizedTextBuilder.IsBoundary(text[i])) { i++; continue; }
                var end = i;
                while (end < text.Length && !NormalizedTextBuilder.IsBoundary(text[end])) end++;
                expected.Add((i, end));
                i = end;
            }
            var walked = new List<(int, int)>();
            for (var i = WordBoundaries.NextWordCharacter(bits, 0, text.Length); i < text.Length;)
            {
                var end = WordBoundaries.NextBoundary(bits, i + 1, text.Length);
                walked.Add((i, end));
                i = WordBoundaries.NextWordCharacter(bits, end + 1, text.Length);
            }
            Assert.Equal(expected, walked);
        }
    }
}
