namespace ClaimTrace.Tests;

public sealed class PageIdsTests
{
    [Fact]
    public void The_same_key_always_gives_the_same_twelve_digit_id()
    {
        var id = PageIds.FromKey("https://example.org/a");
        Assert.Equal(12, id.Length);
        Assert.Equal(id, PageIds.FromKey("https://example.org/a"));
        Assert.NotEqual(id, PageIds.FromKey("https://example.org/b"));
    }
}
