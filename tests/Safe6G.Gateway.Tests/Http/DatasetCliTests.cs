using System.Globalization;
using System.Text.Json;
using Parquet;
using Safe6G.Gateway.Auth;
using Safe6G.Testing;

namespace Safe6G.Gateway.Tests.Http;

/// <summary><c>safe6g dataset export</c> against Prometheus directly and through the gateway with a token.</summary>
[Collection(GatewayCollection.Name)]
public sealed class DatasetCliTests(GatewayFixture f) : IDisposable
{
    private readonly TempDir _dir = new("safe6g-dataset-cli");

    [Fact]
    public async Task Direct_export_writes_parquet_and_a_sidecar()
    {
        var end = f.Prometheus.DataEnd;
        var output = Path.Combine(_dir.Path, "direct.parquet");
        var (code, log) = await SafeCli.RunAsync("dataset", "export", "--source", f.Prometheus.Http.BaseAddress!.ToString(),
            "--query", "gnb_ue_connected", "--start", (end - 600).ToString(CultureInfo.InvariantCulture), "--end", end.ToString(CultureInfo.InvariantCulture),
            "--step", "60s", "--format", "parquet", "--out", output, "--max-points", "4");
        Assert.True(code == 0, log);
        await using var reader = await ParquetReader.CreateAsync(output);
        Assert.Equal(3 * 11, reader.RowGroups.Sum(g => g.RowCount));
        using var sidecar = JsonDocument.Parse(await File.ReadAllTextAsync(output + ".json"));
        Assert.Equal(3, sidecar.RootElement.GetProperty("windows").GetInt32());
        Assert.Equal(3, sidecar.RootElement.GetProperty("series_count").GetInt32());
    }

    [Fact]
    public async Task Export_through_the_gateway_is_tenant_enforced_and_a_bad_token_fails_with_exit_1()
    {
        var end = f.Prometheus.DataEnd;
        var output = Path.Combine(_dir.Path, "via-gateway.csv");
        string[] Args(string token) =>
        [
            "dataset", "export", "--source", new Uri(f.Gateway.BaseAddress, "thanos").ToString(), "--query", "{__name__=~\".+\"}",
            "--start", (end - 600).ToString(CultureInfo.InvariantCulture), "--end", end.ToString(CultureInfo.InvariantCulture),
            "--step", "60", "--format", "csv", "--out", output, "--token", token, "--quiet",
        ];
        var (code, log) = await SafeCli.RunAsync(Args(f.Keys.Token("ncsrd")));
        Assert.True(code == 0, log);
        var lines = await File.ReadAllLinesAsync(output);
        Assert.Equal("timestamp,__name__,cell,domain,job,value", lines[0]);
        Assert.Equal(2 * 11, lines.Length - 1);
        Assert.All(lines.Skip(1), l => Assert.Equal("ncsrd", l.Split(',')[3]));

        var expired = TokenMinter.Mint(f.Keys.Ec, Keys.EcKid, new TokenRequest
        {
            Tenant = "ncsrd", Issuer = Keys.Issuer, Audience = Keys.Audience, IssuedAt = DateTime.UtcNow.AddHours(-3),
        });
        var (failed, message) = await SafeCli.RunAsync(Args(expired));
        Assert.Equal(1, failed);
        Assert.Contains("unauthorized", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_usage_exits_2_with_the_reason()
    {
        var (code, log) = await SafeCli.RunAsync("dataset", "export", "--source", "http://127.0.0.1:1", "--query", "up",
            "--start", "yesterday", "--end", "now", "--step", "15s", "--out", Path.Combine(_dir.Path, "x.csv"));
        Assert.Equal(2, code);
        Assert.Contains("yesterday", log, StringComparison.Ordinal);
    }

    public void Dispose() => _dir.Dispose();
}
