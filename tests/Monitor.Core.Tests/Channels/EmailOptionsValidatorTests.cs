using NewsMonitor.Channels.Email;

namespace NewsMonitor.Tests.Channels;

public sealed class EmailOptionsValidatorTests
{
    private static IEnumerable<string> Failures(EmailOptions options) =>
        new EmailOptionsValidator().Validate(null, options).Failures ?? [];

    [Fact]
    public void No_host_means_no_e_mail_and_nothing_to_check() => Assert.Empty(Failures(new EmailOptions { Port = 0 }));

    [Fact]
    public void A_complete_setup_passes() =>
        Assert.Empty(Failures(new EmailOptions { Host = "smtp.example.com", From = "NewsMonitor <alerts@example.com>", UserName = "alerts", Password = "pw" }));

    [Theory]
    [InlineData(null, 587, null, null, "From must be an e-mail address")]
    [InlineData("not an address", 587, null, null, "From must be an e-mail address")]
    [InlineData("alerts@example.com", 70000, null, null, "Port must be 1 to 65535")]
    [InlineData("alerts@example.com", 587, "alerts", null, "UserName and Monitor:Email:Password go together")]
    public void Bad_settings_are_named(string? from, int port, string? user, string? password, string expected) =>
        Assert.Contains(Failures(new EmailOptions { Host = "smtp.example.com", From = from, Port = port, UserName = user, Password = password }),
            f => f.Contains(expected, StringComparison.Ordinal));
}
