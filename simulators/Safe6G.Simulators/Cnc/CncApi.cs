using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Simulators.Cnc;

/// <summary>
/// The CNC REST API under /api/v1.0 as public clients show it (ran-core.md §5.1), plus the assumed bulk and
/// summary forms of the monitoring report (documented in the CMC exporter README). Read-only: POST/PUT/DELETE
/// are not simulated.
/// </summary>
internal sealed class CncApi(CncCore core, TimeProvider clock)
{
    public const string Base = "/api/v1.0";

    public void Map(WebApplication app)
    {
        app.MapGet(Base + "/network-slice/slice-instance", WriteSlices);
        app.MapGet(Base + "/network-slice/slice-instance/{name}", WriteSlice);
        app.MapGet(Base + "/cnc-subscriber-management/total-count", (HttpContext c) => Json(c, w => { w.WriteStartObject(); w.WriteNumber("count", core.Subscribers.Count); w.WriteEndObject(); }));
        app.MapGet(Base + "/cnc-subscriber-management", WriteSubscribers);
        app.MapGet(Base + "/cnc-configuration/cnc-subscription-profile", WriteProfiles);
        app.MapGet(Base + "/network-slice/upf-dnn-list", WriteUpfs);
        app.MapGet(Base + "/cnc/monitoring-report", WriteReport);
    }

    private Task WriteSlices(HttpContext c) => Json(c, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("Data");
        foreach (var slice in CncCore.Slices)
            Slice(w, slice);
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private Task WriteSlice(HttpContext c, string name)
    {
        var slice = CncCore.Slices.FirstOrDefault(s => s.Name == name);
        if (slice is null)
            return Error(c, 404, $"slice {name} not found");
        return Json(c, w => Slice(w, slice));
    }

    private static void Slice(Utf8JsonWriter w, CncCore.SliceDef slice)
    {
        w.WriteStartObject();
        w.WriteString("sliceName", slice.Name);
        w.WriteStartObject("serviceProfile");
        w.WriteStartArray("sNSSAIList");
        w.WriteStartObject();
        w.WriteNumber("sst", slice.Sst);
        if (slice.Sd is not null)
            w.WriteString("sd", slice.Sd);
        w.WriteEndObject();
        w.WriteEndArray();
        w.WriteStartArray("PLMNIdList");
        w.WriteStartObject();
        w.WriteString("mcc", "001");
        w.WriteString("mnc", "01");
        w.WriteEndObject();
        w.WriteEndArray();
        Throughput(w, "DLThptPerSlice", slice.DlMbps);
        Throughput(w, "ULThptPerSlice", slice.UlMbps);
        w.WriteEndObject();
        w.WriteBoolean("activate_slice", true);
        w.WriteEndObject();
    }

    private static void Throughput(Utf8JsonWriter w, string name, int mbps)
    {
        w.WriteStartObject(name);
        w.WriteNumber("value", mbps);
        w.WriteString("unit", "Mbps");
        w.WriteEndObject();
    }

    private Task WriteSubscribers(HttpContext c) => Json(c, w =>
    {
        w.WriteStartArray();
        foreach (var ue in core.Subscribers)
        {
            w.WriteStartObject();
            w.WriteString("imsi", ue.Imsi);
            w.WriteString("msisdn", ue.Msisdn);
            // Key material is part of the real record; exporters must never read it into metrics.
            w.WriteString("k", "465B5CE8B199B49FAA5F0A2EE238A6BC");
            w.WriteString("opc", "E8ED289DEBA952E4283B54E88E6183CA");
            w.WriteString("sqn", "000000000001");
            w.WriteString("groupName", ue.Slice.Name + "-group");
            w.WriteString("profile", ue.Profile.Id);
            w.WriteString("slice", ue.Slice.Name);
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private Task WriteProfiles(HttpContext c) => Json(c, w =>
    {
        w.WriteStartArray();
        foreach (var p in CncCore.Profiles)
        {
            w.WriteStartObject();
            w.WriteString("_id", p.Id);
            w.WriteString("dnn", p.Dnn);
            w.WriteStartObject("5gQosProfile");
            w.WriteNumber("5qi", p.FiveQi);
            w.WriteNumber("arp", p.Arp);
            w.WriteNumber("priorityLevel", p.Arp);
            w.WriteEndObject();
            w.WriteStartObject("sessionAmbr");
            w.WriteString("uplink", p.AmbrUl);
            w.WriteString("downlink", p.AmbrDl);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        w.WriteEndArray();
    });

    private Task WriteUpfs(HttpContext c) => Json(c, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("Data");
        foreach (var (id, dnns) in CncCore.Upfs)
        {
            w.WriteStartObject();
            w.WriteString("upfId", id);
            w.WriteStartArray("dnnList");
            foreach (var dnn in dnns)
                w.WriteStringValue(dnn);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });

    private Task WriteReport(HttpContext c)
    {
        var query = c.Request.Query;
        var now = clock.GetUtcNow();
        var type = query["report-type"].ToString();
        switch (type)
        {
            case "ue-usage":
                if (!TryTime(query["start"], out var start) || !TryTime(query["end"], out var end))
                    return Error(c, 400, "ue-usage needs start and end as ISO 8601 times");
                return UeUsage(c, query["tgt_ue"].ToString(), start, end, now);
            case "pdu-sessions":
                return Sessions(c, now);
            case "gnb-status":
                return Gnbs(c, now);
            default:
                return Error(c, 400, $"unknown report-type '{type}' (ue-usage, pdu-sessions, gnb-status)");
        }
    }

    private Task UeUsage(HttpContext c, string target, DateTimeOffset start, DateTimeOffset end, DateTimeOffset now)
    {
        if (target.Length > 0)
        {
            // The per-UE form the public mock and its consumer use.
            var imsi = target.StartsWith("imsi-", StringComparison.Ordinal) ? target[5..] : target;
            var ue = core.Subscribers.FirstOrDefault(u => u.Imsi == imsi);
            if (ue is null)
                return Error(c, 404, $"UE {target} not found");
            var (up, down) = core.Usage(ue, start, end, now);
            return Json(c, w =>
            {
                w.WriteStartObject();
                Window(w, start, end);
                w.WriteStartObject("summary");
                w.WriteNumber("total_uplink_bytes", up);
                w.WriteNumber("total_downlink_bytes", down);
                w.WriteEndObject();
                w.WriteEndObject();
            });
        }
        return Json(c, w =>
        {
            w.WriteStartObject();
            Window(w, start, end);
            w.WriteStartArray("ues");
            foreach (var ue in core.Subscribers)
            {
                if (!ue.Active)
                    continue;
                var (up, down) = core.Usage(ue, start, end, now);
                w.WriteStartObject();
                w.WriteString("imsi", "imsi-" + ue.Imsi);
                w.WriteNumber("total_uplink_bytes", up);
                w.WriteNumber("total_downlink_bytes", down);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private Task Sessions(HttpContext c, DateTimeOffset now)
    {
        var counts = new Dictionary<(CncCore.SliceDef, string), int>();
        foreach (var ue in core.Subscribers)
        {
            if (core.Attached(ue, now))
                counts[(ue.Slice, ue.Profile.Dnn)] = counts.GetValueOrDefault((ue.Slice, ue.Profile.Dnn)) + 1;
        }
        return Json(c, w =>
        {
            w.WriteStartObject();
            w.WriteString("timestamp", Iso(now));
            w.WriteStartArray("sessions");
            foreach (var ((slice, dnn), n) in counts.OrderBy(k => k.Key.Item1.Name, StringComparer.Ordinal).ThenBy(k => k.Key.Item2, StringComparer.Ordinal))
            {
                w.WriteStartObject();
                w.WriteStartObject("snssai");
                w.WriteNumber("sst", slice.Sst);
                if (slice.Sd is not null)
                    w.WriteString("sd", slice.Sd);
                w.WriteEndObject();
                w.WriteString("dnn", dnn);
                w.WriteNumber("activeSessions", n);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private Task Gnbs(HttpContext c, DateTimeOffset now)
    {
        var ues = new int[core.GnbCount];
        foreach (var ue in core.Subscribers)
        {
            if (core.Attached(ue, now))
                ues[ue.Gnb]++;
        }
        return Json(c, w =>
        {
            w.WriteStartObject();
            w.WriteStartArray("gnbs");
            for (var i = 0; i < core.GnbCount; i++)
            {
                var (id, name) = CncCore.Gnb(i);
                var connected = core.GnbConnected(i, now);
                w.WriteStartObject();
                w.WriteString("gnbId", id);
                w.WriteString("name", name);
                w.WriteString("plmn", "00101");
                w.WriteString("tac", (1 + i / 8).ToString(CultureInfo.InvariantCulture));
                w.WriteString("status", connected ? "connected" : "disconnected");
                w.WriteNumber("connectedUes", connected ? ues[i] : 0);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void Window(Utf8JsonWriter w, DateTimeOffset start, DateTimeOffset end)
    {
        w.WriteStartObject("time_window");
        w.WriteString("start", Iso(start));
        w.WriteString("end", Iso(end));
        w.WriteEndObject();
    }

    private static bool TryTime(Microsoft.Extensions.Primitives.StringValues text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text.ToString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static async Task Json(HttpContext c, Action<Utf8JsonWriter> write)
    {
        c.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(c.Response.BodyWriter.AsStream());
        write(writer);
        await writer.FlushAsync(c.RequestAborted);
    }

    private static Task Error(HttpContext c, int status, string message)
    {
        c.Response.StatusCode = status;
        return Json(c, w => { w.WriteStartObject(); w.WriteString("error", message); w.WriteNumber("status", status); w.WriteEndObject(); });
    }
}
