using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;

namespace Safe6G.Gateway.Datasets;

/// <summary>
/// POSTs /api/v1/query_range to a Prometheus-API base URL (Prometheus, Thanos Query, or this gateway's /thanos with a
/// bearer token) and reads the matrix with a forward-only JSON reader.
/// </summary>
public sealed class RangeQueryClient(HttpClient http, string baseUrl, string? bearerToken = null)
{
    private readonly string _url = baseUrl.TrimEnd('/') + "/api/v1/query_range";

    /// <summary>Runs one window: interns each series in the table and spools its points.</summary>
    /// <exception cref="DatasetSourceException">The source failed or answered an error.</exception>
    public async Task QueryAsync(string query, long startMs, long endMs, long stepMs, SeriesTable table, SampleSpool spool, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _url)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["query"] = query,
                ["start"] = TimeArg.Unix(startMs),
                ["end"] = TimeArg.Unix(endMs),
                ["step"] = (stepMs / 1000.0).ToString("0.###", CultureInfo.InvariantCulture),
            }),
        };
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException ex)
        {
            throw new DatasetSourceException(502, "unavailable", $"source {_url} unreachable: {ex.Message}");
        }

        using (response)
        {
            var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw Error((int)response.StatusCode, bytes);
            }

            Parse(bytes, table, spool);
        }
    }

    private DatasetSourceException Error(int status, byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var type = doc.RootElement.TryGetProperty("errorType", out var t) ? t.GetString() ?? "upstream" : "upstream";
            var message = doc.RootElement.TryGetProperty("error", out var e) ? e.GetString() ?? "" : "";
            return new DatasetSourceException(status, type, message);
        }
        catch (JsonException)
        {
            var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 500));
            return new DatasetSourceException(status >= 500 ? 502 : status, "upstream", $"source {_url} answered {status}: {text}");
        }
    }

    // A forward-only pass over {"status":"success","data":{"resultType":"matrix","result":[{"metric":{},"values":[[t,"v"],…]}]}}:
    // no DOM is built, so a window's cost is its bytes, not a tree of objects per point.
    private static void Parse(byte[] body, SeriesTable table, SampleSpool spool)
    {
        var reader = new Utf8JsonReader(body);
        try
        {
            Expect(ref reader, JsonTokenType.StartObject);
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = reader.GetString();
                reader.Read();
                if (name == "data")
                {
                    ParseData(ref reader, table, spool);
                }
                else if (name == "status" && reader.GetString() != "success")
                {
                    throw new DatasetSourceException(502, "upstream", "source answered status " + reader.GetString());
                }
                else
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException ex)
        {
            throw new DatasetSourceException(502, "upstream", $"source answered malformed JSON: {ex.Message}");
        }
    }

    private static void ParseData(ref Utf8JsonReader reader, SeriesTable table, SampleSpool spool)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("data is not an object");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == "resultType" && reader.GetString() != "matrix")
            {
                throw new DatasetSourceException(400, "bad_data", $"the query gives a {reader.GetString()}, not a range vector");
            }

            if (name != "result")
            {
                reader.Skip();
                continue;
            }

            Expect(ref reader, JsonTokenType.StartArray, read: false);
            while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
            {
                var id = -1;
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var field = reader.GetString();
                    reader.Read();
                    if (field == "metric")
                    {
                        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
                        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                        {
                            var k = reader.GetString()!;
                            reader.Read();
                            labels[k] = reader.GetString() ?? "";
                        }

                        id = table.Intern(labels);
                    }
                    else if (field == "values" && id >= 0)
                    {
                        while (reader.Read() && reader.TokenType == JsonTokenType.StartArray)
                        {
                            reader.Read();
                            var ms = (long)Math.Round(reader.GetDouble() * 1000);
                            reader.Read();
                            var value = ParseValue(reader.GetString());
                            reader.Read(); // EndArray
                            table.Seen(id, ms);
                            spool.Add(id, ms, value);
                        }
                    }
                    else
                    {
                        // "histograms" (native histograms) and unknown fields are not part of a flat dataset.
                        reader.Skip();
                    }
                }
            }
        }
    }

    private static double ParseValue(string? text) => text switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(text!, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    private static void Expect(ref Utf8JsonReader reader, JsonTokenType type, bool read = true)
    {
        if ((read && !reader.Read()) || reader.TokenType != type)
        {
            throw new JsonException($"expected {type} at byte {reader.TokenStartIndex}");
        }
    }
}
