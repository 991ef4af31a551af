using NewsMonitor.Channels;
using NewsMonitor.Storage;

namespace NewsMonitor.Tests.Channels;

public sealed class LinkTokensTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("newsmonitor-tokens-");

    private LinkTokens NewTokens() => new(new JsonBlobs(new FolderBlobStore(_folder.FullName)));

    [Fact]
    public async Task A_token_reads_back_its_payload_for_its_purpose_only()
    {
        var tokens = NewTokens();
        var token = await tokens.CreateAsync(LinkTokens.Unsubscribe, "sub_0123456789abcdef0123", CancellationToken.None);

        Assert.Equal("sub_0123456789abcdef0123", await tokens.ReadAsync(LinkTokens.Unsubscribe, token, CancellationToken.None));
        Assert.Null(await tokens.ReadAsync(LinkTokens.Confirm, token, CancellationToken.None));
    }

    [Fact]
    public async Task A_changed_token_is_refused()
    {
        var tokens = NewTokens();
        var token = await tokens.CreateAsync(LinkTokens.Unsubscribe, "sub_0123456789abcdef0123", CancellationToken.None);
        var forged = await tokens.CreateAsync(LinkTokens.Unsubscribe, "sub_ffffffffffffffffffff", CancellationToken.None);

        Assert.Null(await tokens.ReadAsync(LinkTokens.Unsubscribe, forged.Split('.')[0] + "." + token.Split('.')[1], CancellationToken.None));
        Assert.Null(await tokens.ReadAsync(LinkTokens.Unsubscribe, "not-a-token", CancellationToken.None));
    }

    [Fact]
    public async Task The_key_is_kept_in_storage_so_a_restarted_service_reads_old_links()
    {
        var token = await NewTokens().CreateAsync(LinkTokens.Unsubscribe, "sub_0123456789abcdef0123", CancellationToken.None);

        Assert.Equal("sub_0123456789abcdef0123", await NewTokens().ReadAsync(LinkTokens.Unsubscribe, token, CancellationToken.None));
    }

    public void Dispose() => _folder.Delete(recursive: true);
}
