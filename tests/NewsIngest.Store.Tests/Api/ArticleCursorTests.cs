using System.Buffers.Text;
using System.Text;
using NewsIngest.Store.Persistence;

namespace NewsIngest.Store.Tests.Api;

public sealed class ArticleCursorTests
{
    [Fact]
    public void Encode_ThenDecode_GivesTheSamePosition()
    {
        var cursor = new ArticleCursor(new DateTimeOffset(2026, 11, 20, 12, 0, 0, TimeSpan.FromHours(2)).AddTicks(1234567), Guid.NewGuid());

        var decoded = ArticleCursor.TryDecode(cursor.Encode(), out var parsed);

        decoded.ShouldBeTrue();
        parsed.ShouldNotBeNull();
        parsed.StoredAt.ShouldBe(cursor.StoredAt);
        parsed.StoredAt.Offset.ShouldBe(TimeSpan.Zero);
        parsed.ArticleId.ShouldBe(cursor.ArticleId);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not a cursor!")]
    [InlineData("MTIzNA")]
    public void TryDecode_Garbage_IsRejected(string token)
    {
        ArticleCursor.TryDecode(token, out var parsed).ShouldBeFalse();
        parsed.ShouldBeNull();
    }

    [Theory]
    [InlineData("-5|0123456789abcdef0123456789abcdef")]
    [InlineData("99999999999999999999|0123456789abcdef0123456789abcdef")]
    [InlineData("638000000000000000|not-a-guid")]
    [InlineData("638000000000000000|0123456789abcdef0123456789abcdef|extra")]
    public void TryDecode_WellEncodedButInvalidContent_IsRejected(string content)
    {
        var token = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(content));

        ArticleCursor.TryDecode(token, out var parsed).ShouldBeFalse();
        parsed.ShouldBeNull();
    }
}
