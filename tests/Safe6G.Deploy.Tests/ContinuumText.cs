namespace Safe6G.Deploy.Tests;

/// <summary>A small valid continuum used as the base that error tests break in one place.</summary>
internal static class ContinuumText
{
    public const string Valid = """
        name: test
        thanos:
          objectStorage:
            type: s3
            bucket: b
            endpoint: s3.local:9000
        domains:
          - name: alpha
            entrypoint: true
            podCidr: 10.1.0.0/16
            infrastructureElements:
              - name: alpha-1
                address: 10.0.0.1
            exporters:
              - kind: node_exporter
              - kind: datafabric
          - name: beta
            podCidr: 10.2.0.0/16
            exporters:
              - kind: cmc
        """;
}
