namespace Safe6G.Deploy.Mesh;

/// <summary>Loads policies for <c>safe6g mesh check</c>: a generated output dir (per-domain policies) or a plain dir of manifests.</summary>
public static class MeshPolicySet
{
    /// <summary>
    /// Reads every *.yaml/*.yml below <paramref name="dir"/> whose documents are Cilium policies. Files under
    /// <c>domains/&lt;d&gt;/mesh/</c> belong to domain d's cluster; others apply in every domain.
    /// </summary>
    public static IReadOnlyList<LoadedPolicy> Load(string dir)
    {
        var result = new List<LoadedPolicy>();
        var files = Directory.EnumerateFiles(dir, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.Ordinal) || f.EndsWith(".yml", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            if (!text.Contains("cilium.io/", StringComparison.Ordinal))
            {
                continue;
            }

            var rel = Path.GetRelativePath(dir, file).Replace('\\', '/');
            var parts = rel.Split('/');
            var domainIndex = Array.IndexOf(parts, "domains");
            string? domain = domainIndex >= 0 && domainIndex + 2 < parts.Length && parts[domainIndex + 2] == "mesh" ? parts[domainIndex + 1] : null;
            List<CiliumPolicy> policies;
            try
            {
                policies = PolicyYaml.ReadAll(text);
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new ContinuumConfigException(file, (int)e.Start.Line, (int)e.Start.Column, "(policy)", e.InnerException?.Message ?? e.Message, e);
            }

            foreach (var p in policies.Where(p => p.ApiVersion == CiliumPolicy.ApiVersionV2
                && p.Kind is CiliumPolicy.ClusterwideKind or CiliumPolicy.NamespacedKind))
            {
                result.Add(new LoadedPolicy(p, domain, rel));
            }
        }

        return result;
    }
}
