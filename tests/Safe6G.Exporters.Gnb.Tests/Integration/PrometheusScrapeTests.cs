using Safe6G.Testing;

namespace Safe6G.Exporters.Gnb.Tests.Integration;

/// <summary>A real Prometheus scrapes the exporter with the standard multi-target relabelling.</summary>
[Collection("snmpd")]
public sealed class PrometheusScrapeTests(SnmpdPair agents, GnbExporterProcess exporter)
{
    [Fact]
    public async Task Multi_target_job_scrapes_both_layouts()
    {
        var exporterAddress = new Uri(exporter.BaseUrl).Authority;
        await using var prometheus = await PrometheusServer.StartAsync($"""
            - job_name: gnb_qrtb
              metrics_path: /probe
              params: {"{"}module: [baicells_qrtb], auth: [public_v2]{"}"}
              static_configs: [{"{"}targets: ["{agents.Qrtb.Address}"]{"}"}]
              relabel_configs:
                - source_labels: [__address__]
                  target_label: __param_target
                - source_labels: [__param_target]
                  target_label: instance
                - target_label: __address__
                  replacement: {exporterAddress}
            - job_name: gnb_rts
              metrics_path: /probe
              params: {"{"}module: [baicells_rts]{"}"}
              static_configs: [{"{"}targets: ["{agents.Rts.Address}"]{"}"}]
              relabel_configs:
                - source_labels: [__address__]
                  target_label: __param_target
                - source_labels: [__param_target]
                  target_label: instance
                - target_label: __address__
                  replacement: {exporterAddress}
            """, scrapeInterval: "2s");
        var timeout = TimeSpan.FromSeconds(30);
        await prometheus.WaitForValueAsync($"gnb_up{{instance=\"{agents.Qrtb.Address}\",job=\"gnb_qrtb\"}}", v => v == 1, timeout);
        await prometheus.WaitForValueAsync($"gnb_up{{instance=\"{agents.Rts.Address}\",job=\"gnb_rts\"}}", v => v == 1, timeout);
        Assert.Equal(17, await prometheus.WaitForValueAsync($"gnb_cell_connected_ues{{instance=\"{agents.Qrtb.Address}\",cell=\"1\"}}", _ => true, timeout));
        Assert.Equal(9, await prometheus.WaitForValueAsync($"gnb_connected_ues{{instance=\"{agents.Rts.Address}\"}}", _ => true, timeout));
        // Prometheus's own view: the scrape itself was healthy and the escaped gNB name came through intact.
        Assert.Equal(1, await prometheus.WaitForValueAsync($"up{{job=\"gnb_qrtb\"}}", _ => true, timeout));
        var result = await prometheus.QueryAsync("gnb_cell_up{cell=\"2\",job=\"gnb_qrtb\"}");
        Assert.Equal("gNB Lab \"north\" \\ sector", result[0].GetProperty("metric").GetProperty("gnb").GetString());
        Assert.Equal("0", result[0].GetProperty("value")[1].GetString());
    }
}
