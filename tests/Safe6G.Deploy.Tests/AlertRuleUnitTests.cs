namespace Safe6G.Deploy.Tests;

/// <summary>`promtool test rules` against the generated ncsrd alert rules: the alerts fire when, and only when, they should.</summary>
public class AlertRuleUnitTests(ExampleFixture example) : IClassFixture<ExampleFixture>
{
    private string Rules => example.PathOf("domains/ncsrd/prometheus/rules/safe6g-alerts.rules.yml");

    [Fact]
    public void ExporterDownFiresAfterFiveMinutesForMonitoredJobsOnly()
    {
        var r = RunPromtoolTest("""
            - interval: 1m
              input_series:
                - series: 'up{job="safe6g-cmc", instance="cmc:9411"}'
                  values: '1 1 0x12'
                - series: 'up{job="safe6g-gnb", instance="gnb:9413"}'
                  values: '1x14'
                - series: 'up{job="prometheus", instance="localhost:9090"}'
                  values: '0x14'
              alert_rule_test:
                - eval_time: 6m
                  alertname: Safe6GExporterDown
                  exp_alerts: []
                - eval_time: 10m
                  alertname: Safe6GExporterDown
                  exp_alerts:
                    - exp_labels:
                        severity: critical
                        job: safe6g-cmc
                        instance: cmc:9411
                      exp_annotations:
                        summary: Exporter safe6g-cmc on cmc:9411 is down
                        description: Prometheus in domain ncsrd has not scraped cmc:9411 (job safe6g-cmc) for 5 minutes.
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    [Fact]
    public void GnbCellDownFiresAfterTwoMinutesForTheDownCellOnly()
    {
        var r = RunPromtoolTest("""
            - interval: 1m
              input_series:
                - series: 'gnb_cell_up{job="gnb-probe-baicells_qrtb", instance="192.168.50.11", gnb="ncsrd-gnb-1", cell="1"}'
                  values: '1 0x8'
                - series: 'gnb_cell_up{job="gnb-probe-baicells_qrtb", instance="192.168.50.11", gnb="ncsrd-gnb-1", cell="2"}'
                  values: '1x8'
              alert_rule_test:
                - eval_time: 2m
                  alertname: Safe6GGnbCellDown
                  exp_alerts: []
                - eval_time: 4m
                  alertname: Safe6GGnbCellDown
                  exp_alerts:
                    - exp_labels:
                        severity: critical
                        job: gnb-probe-baicells_qrtb
                        instance: 192.168.50.11
                        gnb: ncsrd-gnb-1
                        cell: "1"
                      exp_annotations:
                        summary: Cell 1 of gNB ncsrd-gnb-1 is down
                        description: gnb_cell_up has been 0 for cell 1 of ncsrd-gnb-1 for 2 minutes.
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    [Fact]
    public void CoreApiDownFiresWhenCmcUpIsZero()
    {
        var r = RunPromtoolTest("""
            - interval: 1m
              input_series:
                - series: 'cmc_up{job="safe6g-cmc", instance="cmc:9411", source="cnc"}'
                  values: '0x10'
              alert_rule_test:
                - eval_time: 6m
                  alertname: Safe6GCoreApiDown
                  exp_alerts:
                    - exp_labels:
                        severity: critical
                        job: safe6g-cmc
                        instance: cmc:9411
                        source: cnc
                      exp_annotations:
                        summary: 5G core API cnc is down
                        description: The cmc exporter cannot reach the Cumucore CNC API cnc for 5 minutes.
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    // safe6g-cmc has a 20s timeout (threshold 16s), node-exporter the 10s default (threshold 8s):
    // 15s is fine for cmc but 9s is too slow for node-exporter.
    [Fact]
    public void ScrapeTooSlowUsesEachJobsOwnTimeout()
    {
        var r = RunPromtoolTest("""
            - interval: 1m
              input_series:
                - series: 'scrape_duration_seconds{job="safe6g-cmc", instance="cmc:9411"}'
                  values: '15x20'
                - series: 'scrape_duration_seconds{job="node-exporter", instance="10.210.1.10:9100"}'
                  values: '9x20'
              alert_rule_test:
                - eval_time: 16m
                  alertname: Safe6GScrapeTooSlow
                  exp_alerts:
                    - exp_labels:
                        severity: warning
                        job: node-exporter
                        instance: 10.210.1.10:9100
                      exp_annotations:
                        summary: Scrapes of node-exporter on 10.210.1.10:9100 are close to their timeout
                        description: The last scrape took 9s, over 80% of the job's scrape_timeout, for 15 minutes.
            """);
        Assert.True(r.ExitCode == 0, r.ToString());
    }

    // The unit tests above can fail: expecting an alert for a healthy exporter makes promtool fail.
    [Fact]
    public void AWrongExpectationFails()
    {
        var r = RunPromtoolTest("""
            - interval: 1m
              input_series:
                - series: 'up{job="safe6g-cmc", instance="cmc:9411"}'
                  values: '1x10'
              alert_rule_test:
                - eval_time: 8m
                  alertname: Safe6GExporterDown
                  exp_alerts:
                    - exp_labels:
                        severity: critical
                        job: safe6g-cmc
                        instance: cmc:9411
            """);
        Assert.NotEqual(0, r.ExitCode);
        Assert.Contains("FAILED", r.Output, StringComparison.Ordinal);
    }

    private Tool.Result RunPromtoolTest(string tests)
    {
        var indented = string.Join('\n', tests.Split('\n').Select(l => "  " + l));
        var file = Path.Combine(TestPaths.NewTempDir(), "alerts.test.yml");
        File.WriteAllText(file, $"rule_files:\n  - {Rules}\nevaluation_interval: 1m\ntests:\n{indented}\n");
        return Tool.Promtool("test", "rules", file);
    }
}
