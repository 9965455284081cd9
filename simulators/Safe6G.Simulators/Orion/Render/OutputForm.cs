namespace Safe6G.Simulators.Orion.Render;

/// <summary>The NGSI-LD representations: normalized, concise, simplified (keyValues is the same as simplified).</summary>
internal enum OutputForm
{
    Normalized,
    Concise,
    Simplified,
}
