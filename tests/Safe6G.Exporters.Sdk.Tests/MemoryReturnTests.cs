using Safe6G.Exporters.Sdk.Example;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Exporters.Sdk.Scraping;

namespace Safe6G.Exporters.Sdk.Tests;

/// <summary>When an exporter gives memory back after large scrapes, and when it leaves it alone.</summary>
public sealed class MemoryReturnTests
{
    private const long MB = 1024 * 1024;

    private sealed class Counters
    {
        public long Allocated;
        public int Collected;
        public readonly SemaphoreSlim Done = new(0);

        public MemoryReturn Policy(TimeSpan delay) => new(delay, TimeProvider.System, () => Interlocked.Read(ref Allocated), () =>
        {
            Interlocked.Increment(ref Collected);
            Done.Release();
        });
    }

    [Fact]
    public void Scrapes_that_allocated_little_never_collect()
    {
        var c = new Counters();
        var policy = c.Policy(TimeSpan.FromMilliseconds(1));
        for (var i = 0; i < 15; i++)
        {
            c.Allocated += MB;
            Assert.False(policy.AfterScrape());
        }
        Assert.False(c.Done.Wait(TimeSpan.FromMilliseconds(200)));
        Assert.Equal(0, c.Collected);
    }

    [Fact]
    public async Task A_burst_of_large_scrapes_pays_for_one_collection_after_the_delay()
    {
        var c = new Counters();
        // Long enough that the calls below all fall inside it even on a loaded machine.
        var policy = c.Policy(TimeSpan.FromSeconds(2));
        c.Allocated += 20 * MB;
        Assert.True(policy.AfterScrape());
        for (var i = 0; i < 5; i++)
        {
            c.Allocated += 20 * MB;
            Assert.False(policy.AfterScrape());
        }
        Assert.Equal(0, c.Collected);
        Assert.True(await c.Done.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(1, policy.Collections);

        // The allocations before the collection are paid for: the next scrape needs 16 MB of its own.
        await Task.Delay(50);
        c.Allocated += 10 * MB;
        Assert.False(policy.AfterScrape());
        c.Allocated += 10 * MB;
        Assert.True(policy.AfterScrape());
        Assert.True(await c.Done.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(2, c.Collected);
    }

    [Fact]
    public void Zero_delay_turns_it_off()
    {
        var c = new Counters();
        var policy = c.Policy(TimeSpan.Zero);
        c.Allocated += 1000 * MB;
        Assert.False(policy.AfterScrape());
        Assert.Equal(0, c.Collected);
    }

    [Fact]
    public void The_delay_is_configured_under_scrape_with_a_two_second_default()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), YamlConfigLoader.Parse<ExampleConfig>("series: 1\n", "ex.yml").Scrape.ReturnMemoryAfter);
        Assert.Equal(TimeSpan.Zero, YamlConfigLoader.Parse<ExampleConfig>("series: 1\nscrape:\n  return_memory_after: 0s\n", "ex.yml").Scrape.ReturnMemoryAfter);
        var error = Assert.Throws<ConfigException>(() => YamlConfigLoader.Parse<ExampleConfig>("series: 1\nscrape:\n  return_memory_after: soon\n", "ex.yml"));
        Assert.Contains("ex.yml:3:", error.Message, StringComparison.Ordinal);
        Assert.Contains("scrape.return_memory_after", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_default_collection_is_a_full_compacting_one()
    {
        // GCMemoryInfo of the last full blocking collection: its index moves and it compacted (what decommits the
        // free regions). Nothing else in these tests forces full blocking collections.
        var policy = new MemoryReturn(TimeSpan.FromMilliseconds(1), TimeProvider.System);
        var before = GC.GetGCMemoryInfo(GCKind.FullBlocking).Index;
        var garbage = new List<byte[]>();
        for (var i = 0; i < 20; i++)
            garbage.Add(new byte[MB]);
        garbage.Clear();
        Assert.True(policy.AfterScrape());
        for (var i = 0; i < 200 && policy.Collections == 0; i++)
            await Task.Delay(25);
        Assert.Equal(1, policy.Collections);
        var after = GC.GetGCMemoryInfo(GCKind.FullBlocking);
        Assert.True(after.Index > before, $"no full blocking collection after index {before}");
        Assert.True(after.Compacted);
        Assert.Equal(2, after.Generation);
    }
}
