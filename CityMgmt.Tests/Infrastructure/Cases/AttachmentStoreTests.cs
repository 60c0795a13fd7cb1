using CityMgmt.Infrastructure.Cases;
using CityMgmt.Tests.Support;

namespace CityMgmt.Tests.Infrastructure.Cases;

public sealed class AttachmentStoreTests : IDisposable
{
    private static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly string _folder = TestServices.NewFolder();

    [Fact]
    public async Task Save_RealImage_IsStoredOnceUnderItsContentHash()
    {
        var store = new AttachmentStore(_folder, 1024 * 1024);

        var first = await store.SaveAsync(new MemoryStream(Png), "../../现场照片.jpg");
        var again = await store.SaveAsync(new MemoryStream(Png), "另一个名字.png");

        first.Value.ContentType.ShouldBe("image/png");
        first.Value.FileName.ShouldBe("现场照片.jpg");
        first.Value.ContentHash.ShouldBe(again.Value.ContentHash);
        store.Find(first.Value.ContentHash).ShouldNotBeNull().ShouldStartWith(_folder);
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).Length.ShouldBe(1);
    }

    [Fact]
    public async Task Save_ScriptNamedLikeAPhoto_IsRefusedByItsContent()
    {
        var store = new AttachmentStore(_folder, 1024 * 1024);

        var result = await store.SaveAsync(new MemoryStream("<script>alert(1)</script>"u8.ToArray()), "photo.jpg");

        result.Error.Message.ShouldBe("只能上传JPEG、PNG、GIF或WebP格式的图片");
        Directory.Exists(_folder).ShouldBeTrue();
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Save_OverTheConfiguredLimit_IsRefusedAndNothingIsWritten()
    {
        var store = new AttachmentStore(_folder, 2 * 1024 * 1024);
        var big = new byte[(2 * 1024 * 1024) + 1];
        Png.CopyTo(big, 0);

        var result = await store.SaveAsync(new MemoryStream(big), "big.png");

        result.Error.Message.ShouldBe("单个文件不能超过2MB");
        Directory.GetFiles(_folder, "*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("ABCDEF")]
    public void Find_MalformedHash_FindsNothing(string hash) =>
        new AttachmentStore(_folder, 1024).Find(hash).ShouldBeNull();

    public void Dispose() => TestServices.TryDelete(_folder);
}
