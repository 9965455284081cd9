using System.Text.Encodings.Web;
using System.Text.Json;

namespace Safe6G.Simulators.Orion.Http;

/// <summary>Writer options: Orion-LD sends '&lt;', '&gt;', '&amp;' and '+' as they are, not as \u003C escapes.</summary>
internal static class NgsiJson
{
    public static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
