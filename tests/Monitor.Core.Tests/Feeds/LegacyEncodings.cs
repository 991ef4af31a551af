using System.Text;

namespace NewsMonitor.Tests.Feeds;

/// <summary>Code-page encodings (windows-1251, Shift_JIS, KOI8-R…) for building test documents, whatever ran first.</summary>
internal static class LegacyEncodings
{
    static LegacyEncodings() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static Encoding Get(string name) => Encoding.GetEncoding(name);

    public static Encoding Get(int codePage) => Encoding.GetEncoding(codePage);
}
