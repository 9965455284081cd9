using System.Text;
using System.Text.Json;
using Safe6G.Exporters.CmcCore.Cnc;

namespace Safe6G.Exporters.CmcCore.Tests;

public sealed class JsonListStreamerTests
{
    /// <summary>A stream that hands out at most a few bytes per read, so every token boundary gets split somewhere.</summary>
    private sealed class TrickleStream(byte[] data, int chunk) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(buffer.Length, chunk)], cancellationToken);
    }

    private static async Task<List<string>> Items(string json, int chunk, params string[] wrappers)
    {
        var items = new List<string>();
        await JsonListStreamer.ReadAsync(new TrickleStream(Encoding.UTF8.GetBytes(json), chunk), wrappers, e => items.Add(e.GetRawText()), "test", CancellationToken.None);
        return items;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(100_000)]
    public async Task Bare_and_wrapped_lists_give_the_same_items_whatever_the_chunking(int chunk)
    {
        const string items = """[{"imsi":"1","x":{"y":[1,2,{"z":"]"}]}}, 42, "s", {"imsi":"2"}]""";
        var bare = await Items(items, chunk, "ues");
        var wrapped = await Items("""{"time_window":{"start":"a","end":"b"},"skip":[{"imsi":"no"}],"UES":""" + items + ""","after":{"k":[1]}}""", chunk, "ues");
        Assert.Equal(["""{"imsi":"1","x":{"y":[1,2,{"z":"]"}]}}""", "42", "\"s\"", """{"imsi":"2"}"""], bare);
        Assert.Equal(bare, wrapped);
    }

    [Fact]
    public async Task An_item_larger_than_the_buffer_is_read_whole()
    {
        var big = new string('a', 300_000);
        var items = await Items($$"""[{"imsi":"{{big}}"},{"imsi":"small"}]""", 4096);
        Assert.Equal(2, items.Count);
        Assert.Contains(big, items[0]);
    }

    [Theory]
    [InlineData("""{"ues":[{"imsi":"1"},{"imsi""")]
    [InlineData("""{"count":3}""")]
    [InlineData("""7""")]
    [InlineData("""[{"imsi":"1"},}""")]
    [InlineData("")]
    public async Task Truncated_or_listless_bodies_are_malformed(string json) =>
        await Assert.ThrowsAnyAsync<JsonException>(() => Items(json, 5, "ues"));
}
