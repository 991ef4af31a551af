namespace NewsMonitor.Tests.Matching;

/// <summary>
/// Hand-labelled English, Japanese and Russian news items about the seed topics, with confounders:
/// other countries' peace treaties, places with similar names, words that contain a term.
/// Written for these tests; the acceptance set is a different, held-out one.
/// </summary>
public static class LabelledNews
{
    public const string PeaceTreaty = "peace-treaty";
    public const string Habomai = "habomai";
    public const string Shikotan = "shikotan";
    public const string NorthernTerritories = "northern-territories";

    private const string PT = PeaceTreaty, HB = Habomai, SH = Shikotan, NT = NorthernTerritories;

    public static readonly LabelledNewsItem[] Items =
    [
        // English: the Japan–Russia peace treaty
        new("en", "Japan, Russia agree to accelerate peace treaty talks", "Prime Minister Shinzo Abe and President Vladimir Putin agreed in Singapore to speed up negotiations on the basis of the 1956 declaration.", PT, NT),
        new("en", "Abe and Putin discuss peace pact", "The two leaders met on the sidelines of the APEC summit in Da Nang.", PT),
        new("en", "Russia suspends peace treaty talks with Japan over Ukraine sanctions", "Moscow said it would not continue negotiations with Tokyo, citing Japan's \"unfriendly\" sanctions over the war in Ukraine.", PT),
        new("en", "Lavrov says Tokyo must accept WWII results before any peace treaty", "Russian Foreign Minister Sergei Lavrov said Japan must recognise Russian sovereignty over the southern Kuril Islands.", PT, NT),
        new("en", "Kishida vows to conclude peace treaty with Russia", "Japan's prime minister said his government would keep pursuing a treaty despite frozen ties.", PT),
        new("en", "Peace treaty impossible without settling Kuril dispute, Kremlin says", "Kremlin spokesman Dmitry Peskov told reporters the issue was not on the agenda.", PT, NT),
        new("en", "Japan-Russia peace treaty: 70 years without a deal", "Tokyo and Moscow never formally ended World War Two hostilities because of the dispute over islands Japan calls the Northern Territories.", PT, NT),
        new("en", "Putin offers Abe peace treaty 'without preconditions' by year-end", "The Russian president surprised the Japanese prime minister at a forum in Vladivostok.", PT),
        new("en", "<b>Japan</b> &amp; Russia hold talks on postwar treaty", "<p>Foreign ministers met in Moscow to discuss the long-stalled post-war peace treaty.</p>", PT),
        new("en", "Ishiba seeks dialogue with Moscow on peace treaty and islands", "Japanese Prime Minister Shigeru Ishiba said the return of Habomai and Shikotan remained the basis of talks.", PT, HB, SH, NT),
        new("en", "Ｊａｐａｎ ａｎｄ Ｒｕｓｓｉａ ｔｏ ｒｅｓｕｍｅ ｐｅａｃｅ ｔｒｅａｔｙ ｔａｌｋｓ", "", PT),
        new("en", "Japan and Russia: the long road", "Eight decades after the war the two neighbours have still not signed a formal peace treaty, and trade has collapsed since 2022.", PT),
        new("en", "Zakharova: Japan's hostile steps make peace treaty talks impossible", "The Russian foreign ministry spokeswoman accused Tokyo of militarisation.", PT),
        new("en", "Japan says Russian buildup on disputed islands harms peace treaty talks", "Chief Cabinet Secretary told reporters Tokyo had lodged a protest with Moscow.", PT, NT),
        new("en", "Soviet-Japanese declaration of 1956 still shapes peace treaty debate", "Historians say the joint declaration promised two islands after a treaty.", PT, NT),
        new("en", "Tokyo ready to continue peace treaty talks, foreign minister says", "The minister said the government's position had not changed.", PT),
        new("en", "Lavrov: peace treaty impossible unless WWII results are recognised", "Russia's top diplomat repeated Moscow's long-standing position.", PT),
        new("en", "Japanese FM: no change in stance on peace treaty", "", PT),
        new("en", "Russia halts peace treaty talks over Ukraine sanctions", "Tokyo called the decision unjust.", PT),
        new("en", "Russia says no peace treaty until sanctions are lifted", "The foreign ministry said dialogue was impossible while restrictions remain.", PT),
        // English: the islands
        new("en", "Former residents visit graves on Habomai islets", "A group of former Japanese residents of the Habomai islands travelled by boat from Nemuro.", HB, NT),
        new("en", "Russia holds military drills on Shikotan", "Troops practised near the island's village of Malokurilskoye.", SH, NT),
        new("en", "Kelp fishermen return to waters off the Habomais", "The catch is landed at Nemuro under a private agreement with Russia.", HB, NT),
        new("en", "New fish plant opens on Shikotan Island", "Russian investors opened a processing plant in Krabozavodskoye.", SH, NT),
        new("en", "Ｓｈｉｋｏｔａｎ residents get a new hospital", "", SH, NT),
        new("en", "Visa-free visits to Shikotan and the Habomai group halted", "The exchange programme for former islanders is suspended.", HB, SH, NT),
        new("en", "HABOMAI: fishing boats seized near Kaigara island", "<p>The Russian border guard detained two vessels off the <em>Habomai</em> islets.</p>", HB, NT),
        new("en", "Russia opens free economic zone on Shikotan's shores", "Investors on the island get tax breaks.", SH, NT),
        new("en", "Former islanders from Shikotan, Habomai call for return", "", HB, SH, NT),
        new("en", "Moscow builds new pier on Shikotan", "", SH, NT),
        new("en", "Russia deploys coastal missiles to Iturup and Kunashir", "The systems are stationed on the southern Kurils, which Japan claims.", NT),
        new("en", "Japan protests Russian flights over Northern Territories", "", NT),
        // English: confounders
        new("en", "China, Japan mark 45 years since peace treaty", "Leaders exchanged messages on the anniversary of the 1978 treaty."),
        new("en", "Japan backs Seoul's call for Korean peace treaty", ""),
        new("en", "Japanese prime minister cites 1951 peace treaty at anniversary", "The treaty ended the Allied occupation."),
        new("en", "Japan supports peace treaty to formally end Korean War", "Tokyo urged Pyongyang to return to talks."),
        new("en", "Russia open to peace treaty with Ukraine, Kremlin says", ""),
        new("en", "Putin and Zelensky peace treaty talks stall", "Negotiators left Istanbul without a date for the next round."),
        new("en", "Russia and Ukraine peace treaty draft circulated", "Officials in Kyiv and Moscow declined to comment."),
        new("en", "Armenia and Azerbaijan initial peace treaty in Washington", "Russia, which brokered the 2020 ceasefire, was sidelined; Japan welcomed the step."),
        new("en", "Egypt and Israel mark 45 years of peace treaty", "The Camp David accords led to the 1979 treaty."),
        new("en", "South Korea calls for peace treaty to end Korean War", "Japan and Russia are watching the peninsula closely."),
        new("en", "Japan and China mark anniversary of peace and friendship treaty", "Tokyo and Beijing signed the Treaty of Peace and Friendship in 1978."),
        new("en", "Japan marks 70 years since San Francisco Peace Treaty took effect", "The 1951 treaty, which the Soviet Union refused to sign, restored Japan's sovereignty."),
        new("en", "Russia and Ukraine discuss peace deal; Japan offers reconstruction aid", "Tokyo said it would back any agreement Kyiv accepts."),
        new("en", "Israel-Egypt peace treaty under strain, Russia warns; Japan urges calm", ""),
        new("en", "Shikoku pilgrims flock to temples", "The 88-temple pilgrimage on Shikoku island draws record numbers."),
        new("en", "Lake Shikotsu ice festival opens", "Visitors to the Hokkaido lake can see illuminated ice sculptures."),
        new("en", "Sea urchin season begins on the Shakotan peninsula", "Divers off Hokkaido's west coast report a good harvest."),
        new("en", "Northern Territory election: Labor loses power", "Australia's Northern Territory has a new chief minister."),
        new("en", "Canada boosts funding for northern territories", "Yukon, the Northwest Territories and Nunavut get more for housing."),
        new("en", "Russia and Japan sign fisheries deal", "The annual quota talks ended in Moscow."),
        new("en", "Ethiopia and Eritrea peace deal anniversary passes quietly", "Russia and Japan were among the countries that sent envoys."),
        new("en", "Japanese label Abeille expands to Moscow", "The cosmetics maker opened a store near the Kremlin."),
        new("en", "Shikoku's Iyo line reopens after storms", "JR Shikoku restored service on Sunday."),
        new("en", "Shikotsu-Toya National Park sees record visitors", "Lake Shikotsu and Lake Toya drew crowds."),
        new("en", "Shakotan blue: Hokkaido's coast lures divers", ""),

        // Japanese: the treaty
        new("ja", "日ロ平和条約交渉、加速で合意", "安倍首相とプーチン大統領はシンガポールで会談し、1956年の日ソ共同宣言を基礎に交渉を加速させることで合意した。", PT, NT),
        new("ja", "日露平和条約の締結目指す　岸田首相", "", PT),
        new("ja", "ロシア、日本との平和条約交渉を中断", "ロシア外務省は、ウクライナ侵攻を受けた日本の制裁を理由に、平和条約締結交渉を継続しないと発表した。", PT),
        new("ja", "北方領土問題を解決して平和条約を締結　石破首相が表明", "", PT, NT),
        new("ja", "歯舞群島と色丹島の引き渡し、平和条約締結後に", "日ソ共同宣言は平和条約締結後に2島を日本に引き渡すと定めている。", PT, HB, SH, NT),
        new("ja", "ラブロフ外相、日本との平和条約締結に意欲", "", PT),
        new("ja", "平和条約交渉　ロシア側が中断を通告", "", PT),
        new("ja", "安倍首相「平和条約締結へ」　プーチン氏と会談", "", PT),
        // Japanese: the islands
        new("ja", "色丹島で露軍が演習", "ロシア軍は色丹島で大規模な軍事演習を実施した。", SH, NT),
        new("ja", "歯舞群島周辺で日本漁船が拿捕", "", HB, NT),
        new("ja", "元島民が歯舞・色丹を墓参", "", HB, SH, NT),
        new("ja", "北方領土の日　返還求め全国大会", "", NT),
        new("ja", "歯舞諸島の貝殻島周辺でコンブ漁始まる", "", HB, NT),
        new("ja", "色丹島に新たな水産加工場　ロシアが建設", "", SH, NT),
        new("ja", "ビザなし交流、色丹・歯舞への訪問中止", "", HB, SH, NT),
        new("ja", "択捉島にロシアが新たな空港施設", "", NT),
        // Japanese: confounders
        new("ja", "アルメニアとアゼルバイジャンが平和条約に仮署名", "ロシアの仲介はなく、日本政府は歓迎の談話を発表した。"),
        new("ja", "日中平和友好条約45周年で式典", "日本と中国の外相が出席した。"),
        new("ja", "サンフランシスコ平和条約発効から70年", "日本は主権を回復したが、ソ連は署名しなかった。"),
        new("ja", "四国でお遍路ブーム", "八十八か所巡りの参拝者が増えている。"),
        new("ja", "支笏湖で氷濤まつり開幕", ""),
        new("ja", "帰国後に記者会見　大谷選手", "帰国後の会見で来季の抱負を語った。"),
        new("ja", "積丹半島でウニ漁解禁", ""),
        new("ja", "四国４県の知事が会談", ""),
        new("ja", "歯科医師会が新会長を選出", "歯の健康を守る取り組みを強化する。"),
        new("ja", "ロシアとウクライナの平和条約案が判明", ""),
        new("ja", "日中平和条約45年　両国首脳が祝電", "日本と中国の首脳がメッセージを交換した。"),
        new("ja", "韓国、朝鮮戦争終結へ平和条約を提案　日本は慎重", ""),

        // Russian: the treaty
        new("ru", "Россия и Япония обсудят мирный договор", "Переговоры пройдут в Москве на уровне заместителей министров.", PT),
        new("ru", "Лавров: заключение мирного договора с Японией требует признания итогов войны", "Министр иностранных дел России Сергей Лавров выступил на пресс-конференции.", PT),
        new("ru", "Путин и Абэ договорились ускорить переговоры по мирному договору", "", PT),
        new("ru", "Москва прекращает переговоры о мирном договоре с Токио", "МИД России заявил, что не намерен продолжать переговоры из-за санкций.", PT),
        new("ru", "Песков: вопрос Южных Курил не связан с мирным договором", "В Кремле заявили, что суверенитет России над Курилами не обсуждается.", PT, NT),
        new("ru", "Кисида надеется на заключение мирного договора с Россией", "", PT),
        new("ru", "Захарова: Япония сама отказалась от переговоров о мирном договоре", "", PT),
        new("ru", "Токио готов продолжать переговоры по мирному договору", "", PT),
        new("ru", "Лавров: мирный договор невозможен без признания итогов Второй мировой войны", "", PT),
        new("ru", "Москва не видит перспектив заключения мирного договора", "МИД России связал это с санкциями.", PT),
        // Russian: the islands
        new("ru", "На Шикотане открылся новый рыбзавод", "", SH, NT),
        new("ru", "Японские рыбаки задержаны у острова Шикотан", "", SH, NT),
        new("ru", "Пограничники задержали шхуну у островов Хабомаи", "", HB, NT),
        new("ru", "Жители Шикотана получат новую больницу", "", SH, NT),
        new("ru", "Военные учения прошли на Шикотане и Итурупе", "", SH, NT),
        new("ru", "На Южных Курилах открылся новый аэропорт", "", NT),
        new("ru", "В районе острова Шикотан прошли учения Тихоокеанского флота", "", SH, NT),
        new("ru", "Японские шхуны задержаны у островов Хабомай", "", HB, NT),
        new("ru", "Шикотанские рыбаки получили новые суда", "", SH, NT),
        new("ru", "Курильщики заплатят больше: новый акциз на сигареты", ""),
        // Russian: confounders
        new("ru", "Армения и Азербайджан парафировали мирный договор", "Россия не участвовала в переговорах, Япония приветствовала шаг."),
        new("ru", "Египет и Израиль отметили годовщину мирного договора", ""),
        new("ru", "Путин: мирный договор с Украиной возможен", "Кремль готов к переговорам."),
        new("ru", "Он курил на балконе, пока соседи спали", "Курильщикам в Японии придётся платить больше."),
        new("ru", "Китай и Япония отметили годовщину договора о мире и дружбе", ""),
        new("ru", "Китай и Япония отметили 45-летие мирного договора", "Лидеры обменялись посланиями."),
        new("ru", "Москва и Токио подписали соглашение о рыболовстве", ""),
        new("ru", "Россия и Украина: проект мирного договора обсуждают в Стамбуле", ""),
        new("ru", "Сан-Францисский мирный договор: 70 лет спустя Япония вспоминает", ""),
    ];
}
