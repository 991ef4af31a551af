namespace NewsMonitor.Topics;

/// <summary>Russian function words and case endings, so that the deriver reads Russian articles as it reads English ones.</summary>
internal static class RussianWordLists
{
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "и", "в", "во", "не", "что", "он", "на", "я", "с", "со", "как", "а", "то", "все", "она", "так", "его", "но", "да", "ты", "к", "у",
        "же", "вы", "за", "бы", "по", "только", "ее", "её", "мне", "было", "вот", "от", "меня", "еще", "ещё", "нет", "о", "об", "из", "ему",
        "теперь", "когда", "даже", "ну", "вдруг", "ли", "если", "уже", "или", "ни", "быть", "был", "была", "были", "него", "до", "вас",
        "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя", "ничего", "ей", "может", "они", "тут", "где", "есть", "надо",
        "ней", "для", "мы", "тебя", "их", "чем", "сам", "чтобы", "без", "будто", "чего", "раз", "тоже", "себе", "под", "будет", "ж",
        "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем", "ним", "здесь", "этом", "один", "почти", "мой", "тем",
        "при", "также", "после", "это", "эти", "этих", "этой", "том", "который", "которые", "которая", "которое", "которых", "между",
        "заявил", "заявила", "сообщил", "сообщила", "отметил", "год", "года", "году", "лет", "также", "более", "около", "через",
    };

    /// <summary>Case endings as the normaliser leaves them (й is folded to и), longest first.</summary>
    private static readonly string[] Endings =
    [
        "иями", "ями", "ами", "ого", "его", "ому", "ему", "ыми", "ими", "иях", "ях", "ах", "еи", "ои", "ии", "ыи", "ая", "яя",
        "ое", "ее", "ые", "ие", "ом", "ем", "ам", "ям", "ую", "юю", "а", "я", "е", "ы", "и", "у", "ю", "о",
    ];

    private const int MinStem = 5;

    /// <summary>
    /// A normalised word without its case ending (шикотане, шикотана → шикотан), keeping at least five letters so that
    /// short names and surnames in -ов (лавров) are left whole.
    /// </summary>
    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= MinStem && word.EndsWith(ending, StringComparison.Ordinal)) return word[..^ending.Length];
        }
        return word;
    }

    /// <summary>Everyday Russian news words (stems): weak signals of what an article is about.</summary>
    public static readonly HashSet<string> CommonNewsWords = new(StringComparer.Ordinal)
    {
        "министр", "президент", "премьер", "правительств", "росси", "япони", "москв", "токио", "вопрос", "заявлени", "переговор", "сторон",
    };

    public static bool IsCyrillic(string word) => word.Length > 0 && word[0] is >= '\u0400' and <= '\u04FF';
}
