using Safe6G.Exporters.Gnb.Config;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Snmp;

namespace Safe6G.Exporters.Gnb.Tests;

public sealed class ConfigTests
{
    private const string Module = """
        modules:
          m:
            walk: [1.3.6.1.4.1.53058.100]
            metrics:
              - name: gnb_cell_connected_ues
                oid: 1.3.6.1.4.1.53058.100.11
                type: gauge
                indexes: [{labelname: cell, type: gauge}]
        """;

    private static ConfigException Reject(string yaml) =>
        Assert.Throws<ConfigException>(() => YamlConfigLoader.Parse<GnbConfig>(yaml, "gnb-test.yml"));

    private static ConfigError ErrorFor(ConfigException ex, string field)
    {
        var error = ex.Errors.FirstOrDefault(e => e.Field == field);
        Assert.True(error is not null, $"no error for '{field}' in:\n{ex.Message}");
        return error!;
    }

    [Fact]
    public void Probe_auth_must_be_one_the_file_defines_and_the_default_counts_too()
    {
        var exporter = new GnbExporter();
        var shipped = YamlConfigLoader.Parse<GnbConfig>("", "(defaults)");
        Assert.Null(exporter.ProbeParameterProblem(shipped, new Dictionary<string, string>()));
        Assert.Null(exporter.ProbeParameterProblem(shipped, new Dictionary<string, string> { ["auth"] = GnbConfig.DefaultAuth }));
        Assert.Equal("Unknown auth 'nope'", exporter.ProbeParameterProblem(shipped, new Dictionary<string, string> { ["auth"] = "nope" }));

        // A file whose auths: lacks public_v2 makes a probe without auth= a 400 as well, naming the default.
        var v3Only = YamlConfigLoader.Parse<GnbConfig>("auths:\n  lab: {version: 2, community: lab}\n", "gnb-test.yml");
        Assert.Equal($"Unknown auth '{GnbConfig.DefaultAuth}'", exporter.ProbeParameterProblem(v3Only, new Dictionary<string, string>()));
        Assert.Null(exporter.ProbeParameterProblem(v3Only, new Dictionary<string, string> { ["auth"] = "lab" }));
    }

    [Fact]
    public void Regex_extracts_errors_name_the_rule_and_line()
    {
        var ex = Reject("""
            modules:
              m:
                walk: [1.3.6.1.4.1.53058.500]
                metrics:
                  - name: gnb_temperature
                    oid: 1.3.6.1.4.1.53058.500.1
                    type: DisplayString
                    regex_extracts:
                      _celsius:
                        - {regex: '([0-9.]+'}
                  - name: gnb_state
                    oid: 1.3.6.1.4.1.53058.500.2
                    type: EnumAsStateSet
                    enum_values: {1: up}
                    regex_extracts: {_x: [{regex: '.*'}]}
            """);
        var bad = ErrorFor(ex, "modules.m.metrics[0].regex_extracts._celsius[0].regex");
        Assert.Equal(10, bad.Line);
        Assert.Contains("not a regular expression", bad.Message, StringComparison.Ordinal);
        Assert.Contains("not to enums", ErrorFor(ex, "modules.m.metrics[1].regex_extracts").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_file_gives_the_shipped_modules_and_auths()
    {
        var config = YamlConfigLoader.Parse<GnbConfig>("", "(defaults)");
        Assert.Equal(["baicells_qrtb", "baicells_rts", "if_mib", "system"], config.Modules!.Keys.ToArray());
        Assert.Contains(GnbConfig.DefaultAuth, config.Auths!.Keys);
        Assert.Empty(new GnbExporter().DefaultTargets(config));
        var qrtb = config.Modules["baicells_qrtb"].Metrics.Select(m => m.Name).ToList();
        Assert.Contains("gnb_cell_connected_ues", qrtb);
        Assert.Contains("gnb_cell_up", qrtb);
        Assert.Contains("gnb_cell_downlink_prb_utilization_ratio", qrtb);
        Assert.Contains("gnb_connected_ues", config.Modules["baicells_rts"].Metrics.Select(m => m.Name));
    }

    [Fact]
    public void A_file_with_only_auths_keeps_the_shipped_modules()
    {
        var config = YamlConfigLoader.Parse<GnbConfig>("""
            auths:
              lab_v3:
                version: 3
                username: monitor
                security_level: authPriv
                auth_protocol: SHA256
                password: authpass123
                priv_protocol: AES256C
                priv_password: privpass123
            """, "gnb-test.yml");
        Assert.Equal(["lab_v3"], config.Auths!.Keys.ToArray());
        Assert.Contains("baicells_qrtb", config.Modules!.Keys);
        var credentials = Assert.IsType<UsmCredentials>(config.Auths["lab_v3"].ToCredentials());
        Assert.Equal(SnmpAuthProtocol.Sha256, credentials.AuthProtocol);
        Assert.Equal(SnmpPrivProtocol.Aes256C, credentials.PrivProtocol);
        Assert.Equal("monitor", credentials.UserName);
    }

    [Theory]
    [InlineData("noAuthNoPriv", SnmpAuthProtocol.None, SnmpPrivProtocol.None)]
    [InlineData("authNoPriv", SnmpAuthProtocol.Sha512, SnmpPrivProtocol.None)]
    [InlineData("authPriv", SnmpAuthProtocol.Sha512, SnmpPrivProtocol.Aes192)]
    public void Security_level_decides_which_protocols_are_used(string level, SnmpAuthProtocol auth, SnmpPrivProtocol priv)
    {
        var config = YamlConfigLoader.Parse<GnbConfig>($$"""
            auths:
              a: {version: 3, username: u, security_level: {{level}}, auth_protocol: SHA512, password: p12345678, priv_protocol: AES192, priv_password: q12345678}
            """, "gnb-test.yml");
        var credentials = Assert.IsType<UsmCredentials>(config.Auths!["a"].ToCredentials());
        Assert.Equal(auth, credentials.AuthProtocol);
        Assert.Equal(priv, credentials.PrivProtocol);
    }

    [Fact]
    public void Unknown_metric_type_names_field_and_line()
    {
        var ex = Reject(Module.Replace("type: gauge\n", "type: gaugee\n", StringComparison.Ordinal));
        var error = ErrorFor(ex, "modules.m.metrics[0].type");
        Assert.Equal(7, error.Line);
        Assert.Contains("gaugee", error.Message, StringComparison.Ordinal);
        Assert.Contains("gnb-test.yml:7", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Counter_without_total_suffix_is_rejected()
    {
        var ex = Reject(Module.Replace("type: gauge\n", "type: counter\n", StringComparison.Ordinal));
        Assert.Contains("_total", ErrorFor(ex, "modules.m.metrics[0].name").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Oid_not_read_by_the_module_is_rejected()
    {
        var ex = Reject(Module.Replace("oid: 1.3.6.1.4.1.53058.100.11", "oid: 1.3.6.1.4.1.53058.190.7", StringComparison.Ordinal));
        Assert.Contains("neither under a walk", ErrorFor(ex, "modules.m.metrics[0].oid").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_oid_text_is_rejected_with_its_place()
    {
        var ex = Reject(Module.Replace("walk: [1.3.6.1.4.1.53058.100]", "walk: [ifTable]", StringComparison.Ordinal));
        var error = ErrorFor(ex, "modules.m.walk[0]");
        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Lookup_of_an_unknown_index_label_and_unwalked_column_are_rejected()
    {
        var ex = Reject(Module + "\n        lookups: [{labels: [ifIndex], labelname: name, oid: 1.3.6.1.2.1.31.1.1.1.1}]\n");
        Assert.Contains("not an index label", ErrorFor(ex, "modules.m.metrics[0].lookups[0].labels[0]").Message, StringComparison.Ordinal);
        Assert.Contains("add its column to walk", ErrorFor(ex, "modules.m.metrics[0].lookups[0].oid").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void V3_auth_problems_each_name_their_field()
    {
        var ex = Reject("""
            auths:
              v3a: {version: 3, security_level: authPriv, auth_protocol: SHA1, password: x1234567}
              v3b: {version: 3, username: u, security_level: authpriv}
              v4: {version: 4}
            """);
        ErrorFor(ex, "auths.v3a.username");
        Assert.Contains("SHA1", ErrorFor(ex, "auths.v3a.auth_protocol").Message, StringComparison.Ordinal);
        ErrorFor(ex, "auths.v3a.priv_password");
        Assert.Equal(3, ErrorFor(ex, "auths.v3b.security_level").Line);
        ErrorFor(ex, "auths.v4.version");
    }

    [Fact]
    public void Unknown_field_is_an_error_with_its_line()
    {
        var ex = Reject(Module.Replace("    walk:", "    walks:", StringComparison.Ordinal));
        Assert.Contains("unknown field 'walks'", ex.Message, StringComparison.Ordinal);
        Assert.Equal(3, ex.Errors[0].Line);
    }

    [Fact]
    public void Static_target_with_unknown_module_or_auth_is_rejected()
    {
        var ex = Reject(Module + """

            targets:
              - {target: "10.0.0.5:161", module: nope, auth: secret_v3}
            """);
        Assert.Contains("unknown module 'nope'", ErrorFor(ex, "targets[0].module").Message, StringComparison.Ordinal);
        Assert.Contains("unknown auth 'secret_v3'", ErrorFor(ex, "targets[0].auth").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Static_targets_become_default_targets_with_their_auth()
    {
        var config = YamlConfigLoader.Parse<GnbConfig>(Module + """

            targets:
              - {name: north, target: "10.0.0.5:161", module: m}
            """, "gnb-test.yml");
        var target = Assert.Single(new GnbExporter().DefaultTargets(config));
        Assert.Equal("north", target.SourceLabel);
        Assert.Equal("m", target.Module);
        Assert.Equal("public_v2", target.Parameter("auth"));
    }

    [Fact]
    public void Same_name_with_another_shape_is_rejected()
    {
        var ex = Reject("""
            modules:
              m:
                walk: [1.3.6.1.4.1.53058.100]
                metrics:
                  - {name: gnb_x, oid: 1.3.6.1.4.1.53058.100.11, type: gauge, indexes: [{labelname: cell, type: gauge}]}
                  - {name: gnb_x, oid: 1.3.6.1.4.1.53058.100.12, type: gauge}
            """);
        Assert.Contains("another type or other labels", ErrorFor(ex, "modules.m.metrics[1].name").Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Enum_state_set_needs_enum_values_and_scale_needs_a_number_type()
    {
        var ex = Reject("""
            modules:
              m:
                walk: [1.3.6.1.2.1.2.2.1]
                metrics:
                  - {name: s, oid: 1.3.6.1.2.1.2.2.1.8, type: EnumAsStateSet}
                  - {name: d, oid: 1.3.6.1.2.1.2.2.1.2, type: DisplayString, scale: 2}
                  - {name: z, oid: 1.3.6.1.2.1.2.2.1.4, type: gauge, scale: 0}
            """);
        ErrorFor(ex, "modules.m.metrics[0].enum_values");
        ErrorFor(ex, "modules.m.metrics[1].scale");
        Assert.Contains("non-zero", ErrorFor(ex, "modules.m.metrics[2].scale").Message, StringComparison.Ordinal);
    }
}
