using System.Text.Json;

namespace Safe6G.Exporters.CmcCore.Cnc;

/// <summary>Turns each CNC answer into records; a record with a missing key or a wrong type is skipped and counted.</summary>
internal static class CncParsers
{
    public static void Slices(JsonElement root, CncReading into)
    {
        foreach (var item in Items(root, "slices", into))
        {
            var name = LenientJson.Text(item, "sliceName");
            // Real clients put the S-NSSAI under serviceProfile; the mock under networkSliceSubnet.sliceProfile too.
            var snssai = First(LenientJson.Path(item, "serviceProfile", "sNSSAIList"))
                ?? First(LenientJson.Path(item, "networkSliceSubnet", "sliceProfile", "sNSSAIList"));
            var sst = snssai is { } s ? LenientJson.Number(s, "sst") : null;
            if (name is null || sst is null)
            {
                into.Skipped.Skip("slices", name is null ? "missing_name" : "missing_snssai", Short(item));
                continue;
            }
            var plmn = First(LenientJson.Path(item, "serviceProfile", "PLMNIdList")) is { } p
                ? $"{LenientJson.Text(p, "mcc")}{LenientJson.Text(p, "mnc")}" : "";
            into.Slices.Add(new Slice(name, (int)sst.Value, LenientJson.Sd(LenientJson.Prop(snssai!.Value, "sd")), plmn,
                LenientJson.Bool(item, "activate_slice") ?? true,
                LenientJson.BitRate(LenientJson.Path(item, "serviceProfile", "DLThptPerSlice")),
                LenientJson.BitRate(LenientJson.Path(item, "serviceProfile", "ULThptPerSlice"))));
        }
    }

    public static void SubscriberCount(JsonElement root, CncReading into)
    {
        into.SubscriberCount = LenientJson.Number(root, "count");
        if (into.SubscriberCount is null)
            into.Skipped.Skip("subscriber_count", "missing_count", Short(root));
    }

    /// <summary>Wrapper keys under which a subscriber list may sit.</summary>
    public static readonly string[] SubscriberWrappers = ["Data", "items"];

    /// <summary>Wrapper keys under which the usage list sits (the assumed bulk form uses "ues").</summary>
    public static readonly string[] UsageWrappers = ["ues", "Data", "items"];

    /// <summary>One item of the subscriber list (streamed).</summary>
    public static void Subscriber(JsonElement item, CncReading into)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            into.Skipped.Skip("subscribers", "not_an_object", item.ValueKind.ToString());
            return;
        }
        var imsi = LenientJson.Text(item, "imsi");
        if (imsi is null)
        {
            into.Skipped.Skip("subscribers", "missing_imsi", "a subscriber");
            return;
        }
        into.Subscribers.Add(new Subscriber(imsi, LenientJson.Text(item, "slice") ?? "", LenientJson.Text(item, "profile") ?? ""));
    }

    public static void Profiles(JsonElement root, CncReading into)
    {
        foreach (var item in Items(root, "profiles", into))
        {
            var id = LenientJson.Text(item, "_id") ?? LenientJson.Text(item, "id");
            if (id is null)
            {
                into.Skipped.Skip("profiles", "missing_id", Short(item));
                continue;
            }
            into.Profiles.Add(new SubscriptionProfile(id, LenientJson.Text(item, "dnn") ?? "",
                LenientJson.Number(item, "5gQosProfile", "5qi") is { } q ? (int)q : null,
                LenientJson.BitRate(LenientJson.Path(item, "sessionAmbr", "uplink")),
                LenientJson.BitRate(LenientJson.Path(item, "sessionAmbr", "downlink"))));
        }
    }

    public static void Upfs(JsonElement root, CncReading into)
    {
        foreach (var item in Items(root, "upf_dnn", into))
        {
            var id = LenientJson.Text(item, "upfId") ?? LenientJson.Text(item, "upf");
            var dnns = LenientJson.Prop(item, "dnnList") ?? LenientJson.Prop(item, "dnns");
            if (id is null || dnns is not { ValueKind: JsonValueKind.Array } list)
            {
                into.Skipped.Skip("upf_dnn", id is null ? "missing_id" : "missing_dnn_list", Short(item));
                continue;
            }
            into.Upfs.Add(new Upf(id, [.. list.EnumerateArray().Select(LenientJson.AsText).OfType<string>()]));
        }
    }

    /// <summary>One item of the bulk usage report (streamed); <see cref="CncReading.Usage"/> must be set.</summary>
    public static void UsageItem(JsonElement item, CncReading into)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            into.Skipped.Skip("ue_usage", "not_an_object", item.ValueKind.ToString());
            return;
        }
        var imsi = LenientJson.Text(item, "imsi") ?? LenientJson.Text(item, "tgt_ue");
        var ul = LenientJson.Number(item, "total_uplink_bytes");
        var dl = LenientJson.Number(item, "total_downlink_bytes");
        if (imsi is null || ul is not >= 0 || dl is not >= 0)
        {
            into.Skipped.Skip("ue_usage", imsi is null ? "missing_imsi" : "bad_bytes", imsi ?? "a UE");
            return;
        }
        into.Usage!.Add(new UeUsage(imsi.StartsWith("imsi-", StringComparison.Ordinal) ? imsi[5..] : imsi, ul.Value, dl.Value));
    }

    public static void Sessions(JsonElement root, CncReading into)
    {
        into.Sessions = [];
        foreach (var item in Items(root, "pdu_sessions", into, "sessions"))
        {
            var snssai = LenientJson.Prop(item, "snssai") ?? item;
            var sst = LenientJson.Number(snssai, "sst");
            var count = LenientJson.Number(item, "activeSessions") ?? LenientJson.Number(item, "count");
            if (sst is null || count is not >= 0)
            {
                into.Skipped.Skip("pdu_sessions", sst is null ? "missing_snssai" : "bad_count", Short(item));
                continue;
            }
            into.Sessions.Add(new SessionCount((int)sst.Value, LenientJson.Sd(LenientJson.Prop(snssai, "sd")), LenientJson.Text(item, "dnn") ?? "", count.Value));
        }
    }

    public static void Gnbs(JsonElement root, CncReading into)
    {
        into.Gnbs = [];
        foreach (var item in Items(root, "gnb_status", into, "gnbs"))
        {
            var id = LenientJson.Text(item, "gnbId");
            if (id is null)
            {
                into.Skipped.Skip("gnb_status", "missing_id", Short(item));
                continue;
            }
            into.Gnbs.Add(new GnbStatus(id, LenientJson.Text(item, "name") ?? "", LenientJson.Text(item, "plmn") ?? "",
                LenientJson.Text(item, "tac") ?? "", (LenientJson.Text(item, "status") ?? "unknown").ToLowerInvariant(),
                LenientJson.Number(item, "connectedUes")));
        }
    }

    private static IEnumerable<JsonElement> Items(JsonElement root, string endpoint, CncReading into, params string[] wrappers)
    {
        if (LenientJson.List(root, wrappers) is not { } list)
            throw new JsonException($"{endpoint}: expected a JSON list (bare or under {string.Join("/", wrappers.Concat(["Data"]))}), got {root.ValueKind}");
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                into.Skipped.Skip(endpoint, "not_an_object", item.ValueKind.ToString());
                continue;
            }
            yield return item;
        }
    }

    private static JsonElement? First(JsonElement? list) =>
        list is { ValueKind: JsonValueKind.Array } a && a.GetArrayLength() > 0 ? a[0] : null;

    private static string Short(JsonElement e)
    {
        var text = e.GetRawText();
        return text.Length > 120 ? text[..120] + "…" : text;
    }
}
