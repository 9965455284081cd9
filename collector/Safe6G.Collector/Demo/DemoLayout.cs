namespace Safe6G.Collector.Demo;

/// <summary>Every port the demo uses, chosen free at start.</summary>
internal sealed class DemoLayout
{
    public DemoLayout(DemoPorts ports)
    {
        OrionUpv = ports.Next();
        OrionNcsrd = ports.Next();
        Cnc = ports.Next();
        MetaverseSim = ports.Next();
        Snmp1 = ports.Next();
        Snmp2 = ports.Next();
        Loki = ports.Next();
        DataFabric = ports.Next();
        CmcExporter = ports.Next();
        MetaverseExporter = ports.Next();
        GnbExporter = ports.Next();
        NodeExporter = ports.Next();
        PrometheusUpv = ports.Next();
        PrometheusNcsrd = ports.Next();
        PrometheusCentral = ports.Next();
        Gateway = ports.Next();
        Orchestrator = ports.Next();
        OrchestratorGrpc = ports.Next();
        Portal = ports.Next();
    }

    public int OrionUpv { get; }
    public int OrionNcsrd { get; }
    public int Cnc { get; }
    public int MetaverseSim { get; }
    public int Snmp1 { get; }
    public int Snmp2 { get; }
    public int Loki { get; }
    public int DataFabric { get; }
    public int CmcExporter { get; }
    public int MetaverseExporter { get; }
    public int GnbExporter { get; }
    public int NodeExporter { get; }
    public int PrometheusUpv { get; }
    public int PrometheusNcsrd { get; }
    public int PrometheusCentral { get; }
    public int Gateway { get; }
    public int Orchestrator { get; }
    public int OrchestratorGrpc { get; }
    public int Portal { get; }

    public static string Url(int port) => $"http://127.0.0.1:{port}";
}
