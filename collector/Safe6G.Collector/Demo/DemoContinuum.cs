using System.Globalization;

namespace Safe6G.Collector.Demo;

/// <summary>The two-domain continuum the demo runs, written as a continuum file for <c>safe6g generate</c> with local addresses.</summary>
internal static class DemoContinuum
{
    public static string Yaml(DemoLayout l, string jwksFile) => string.Create(CultureInfo.InvariantCulture, $"""
        # The demo's continuum: the shipped two-domain example (thanos/examples/two-domains.yaml) on one machine.
        name: safe6g-demo
        defaults:
          scrapeInterval: 5s
          scrapeTimeout: 4s
          evaluationInterval: 5s
        thanos:
          domain: upv
          objectStorage: {"{"}type: s3, bucket: safe6g-demo, endpoint: "127.0.0.1:9000", insecure: true{"}"}
        gateway:
          jwkFile: {jwksFile}
          algorithm: ES256
          tenants:
            - {"{"}name: upv, subject: upv, domains: [upv]{"}"}
            - {"{"}name: ncsrd, subject: ncsrd, domains: [ncsrd]{"}"}
        domains:
          - name: upv
            entrypoint: true
            podCidr: 10.1.0.0/16
            prometheus: {"{"}replicas: 1, retention: 1d{"}"}
            infrastructureElements:
              - {"{"}name: demo-host, address: 127.0.0.1{"}"}
            exporters:
              - {"{"}kind: datafabric, address: "127.0.0.1:{l.DataFabric}"{"}"}
              - {"{"}kind: metaverse, address: "127.0.0.1:{l.MetaverseExporter}"{"}"}
              - {"{"}kind: node_exporter, port: {l.NodeExporter}{"}"}
          - name: ncsrd
            podCidr: 10.2.0.0/16
            prometheus: {"{"}replicas: 1, retention: 1d{"}"}
            exporters:
              - {"{"}kind: cmc, address: "127.0.0.1:{l.CmcExporter}"{"}"}
              - kind: gnb
                address: "127.0.0.1:{l.GnbExporter}"
                auth: public_v2
                targets:
                  - {"{"}name: ncsrd-gnb-1, address: "127.0.0.1:{l.Snmp1}", modules: [baicells_qrtb, system]{"}"}
                  - {"{"}name: ncsrd-gnb-2, address: "127.0.0.1:{l.Snmp2}", modules: [baicells_rts, system]{"}"}
        """);
}
