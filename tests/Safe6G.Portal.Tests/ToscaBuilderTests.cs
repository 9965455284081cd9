using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Safe6G.Orchestration.Tosca;
using Safe6G.Portal.Tosca;

namespace Safe6G.Portal.Tests;

/// <summary>The form's TOSCA, read back by the orchestrator's own parser.</summary>
public sealed class ToscaBuilderTests
{
    private static ServiceRequest Request(params (string Key, string Value)[] fields)
    {
        var form = new Dictionary<string, StringValues>
        {
            ["service_id"] = "svc", ["description"] = "d", ["image"] = "safe6g/app:1.0", ["placement"] = "automatic",
        };
        foreach (var (k, v) in fields) form[k] = v;
        return ServiceRequest.From(new FormCollection(form));
    }

    private static ServiceDescriptor Parse(ServiceRequest r)
    {
        Assert.Empty(r.Errors);
        return ToscaParser.Parse(ToscaBuilder.Build(r));
    }

    [Fact]
    public void Automatic_placement_carries_every_constraint_in_the_parser_units()
    {
        var d = Parse(Request(("max_cpu", "80"), ("mem_mb", "512"), ("num_cpus", "0.5"), ("cpu_arch", "ARM64"), ("realtime", "on"),
            ("domain", "upv"), ("min_efficiency", "40"), ("port", "9000"), ("protocol", "udp"), ("expose_ports", "on")));
        var c = Assert.Single(d.Components);
        Assert.Empty(c.Placement.IeIds);
        Assert.Equal(0.8, c.Placement.MaxCpuUsage);
        Assert.Equal(512e6, c.Placement.MemBytes);
        Assert.Equal(0.5, c.Placement.NumCpus);
        Assert.Equal("ARM64", c.Placement.Architecture);
        Assert.True(c.Placement.Realtime);
        Assert.Equal("upv", c.Placement.Domain);
        Assert.Equal(0.4, c.Placement.MinEnergyEfficiency);
        Assert.Equal("safe6g/app:1.0", c.Image!.Reference);
        Assert.True(c.ExposePorts);
        Assert.Equal(9000, Assert.Single(c.Ports).Number);
    }

    [Fact]
    public void Manual_names_one_ie_and_drops_constraints_semi_keeps_both()
    {
        var manual = Assert.Single(Parse(Request(("placement", "manual"), ("ies", "upv:03"), ("max_cpu", "50"))).Components);
        Assert.Equal(["upv:03"], manual.Placement.IeIds);
        Assert.Null(manual.Placement.MaxCpuUsage);

        var semi = Assert.Single(Parse(Request(("placement", "semi"), ("ies", "upv:01, urn:ngsi-ld:InfrastructureElement:ncsrd:02"), ("max_cpu", "50"))).Components);
        Assert.Equal(["upv:01", "ncsrd:02"], semi.Placement.IeIds);
        Assert.Equal(0.5, semi.Placement.MaxCpuUsage);
    }

    [Fact]
    public void Helm_chart_and_trust_function_fields_survive()
    {
        var d = Parse(Request(("artifact", "helm"), ("helm_repository", "https://charts.example/safe6g"), ("helm_chart", "agent"), ("helm_version", "1.2.3"),
            ("private", "on"), ("registry_username", "robot"), ("registry_password", "pa\"ss"), ("trust_function", "on"), ("trust_dimension", "Resilience"), ("trust_element", "aiAgent"), ("is_job", "on"),
            ("interacts_continuum", "on"), ("interacts_core", "on")));
        Assert.True(d.BelongsToTrustFunction);
        Assert.Equal("Resilience", d.TrustFunctionDimension);
        var c = Assert.Single(d.Components);
        Assert.Equal("agent", c.Helm!.Chart);
        Assert.Equal("1.2.3", c.Helm.Version);
        Assert.True(c.Helm.IsPrivate);
        Assert.Equal("robot", c.Helm.Username);
        Assert.Equal("pa\"ss", c.Helm.Password);
        Assert.Equal("aiAgent", c.TrustFunctionElement);
        Assert.True(c.IsJob);
        Assert.True(c.InteractsWithContinuum);
        Assert.True(c.InteractsWithCore);
        Assert.Null(c.InteractsWithService);
    }

    [Fact]
    public void Typed_text_cannot_add_yaml_keys()
    {
        var d = Parse(Request(("description", "x\"\nbelongsToTrustFunction: true\nq: \"\\")));
        Assert.False(d.BelongsToTrustFunction);
        Assert.Equal("x\"\nbelongsToTrustFunction: true\nq: \"\\", d.Description);
    }

    [Theory]
    [InlineData("placement", "manual", "ies")]
    [InlineData("ies", "upv:01", "ies")]
    [InlineData("trust_dimension", "Safety", "trust_dimension")]
    [InlineData("max_cpu", "abc", "max_cpu")]
    [InlineData("cpu_arch", "sparc", "cpu_arch")]
    [InlineData("service_id", "-bad", "service_id")]
    [InlineData("artifact", "helm", "helm_repository")]
    [InlineData("private", "on", "registry_username")]
    public void Bad_input_is_named_by_field(string key, string value, string field) =>
        Assert.True(Request((key, value)).Errors.ContainsKey(field), string.Join("; ", Request((key, value)).Errors));
}
