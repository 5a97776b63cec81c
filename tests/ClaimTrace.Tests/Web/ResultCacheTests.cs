using ClaimTrace.Web;

namespace ClaimTrace.Tests.Web;

public sealed class ResultCacheTests
{
    [Fact]
    public void A_value_is_made_once_per_key_and_data_version()
    {
        var cache = new ResultCache<string, string>(4);
        var made = 0;
        string Make() => $"made {++made}";

        Assert.Equal("made 1", cache.GetOrAdd("a", 1, Make));
        Assert.Equal("made 1", cache.GetOrAdd("a", 1, Make));
        Assert.Equal("made 2", cache.GetOrAdd("a", 2, Make)); // the data changed: made again
        Assert.Equal("made 2", cache.GetOrAdd("a", 2, Make));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void The_least_recently_used_entry_goes_first_when_the_cache_is_full()
    {
        var cache = new ResultCache<int, int>(2);
        var made = new List<int>();
        int Make(int k)
        {
            made.Add(k);
            return k * 10;
        }

        cache.GetOrAdd(1, 0, () => Make(1));
        cache.GetOrAdd(2, 0, () => Make(2));
        cache.GetOrAdd(1, 0, () => Make(1)); // 1 is now the most recent
        cache.GetOrAdd(3, 0, () => Make(3)); // 2 goes
        cache.GetOrAdd(1, 0, () => Make(1));
        cache.GetOrAdd(2, 0, () => Make(2));

        Assert.Equal([1, 2, 3, 2], made);
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Clearing_forgets_every_value()
    {
        var cache = new ResultCache<string, int>(8);
        cache.GetOrAdd("a", 0, () => 1);

        cache.Clear();

        Assert.Equal(0, cache.Count);
        Assert.Equal(2, cache.GetOrAdd("a", 0, () => 2));
    }
}
