using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Safe6G.Simulators.Orion.Http;
using Safe6G.Simulators.Orion.Render;

namespace Safe6G.Simulators.Orion.Query;

/// <summary>The URI parameters of GET /entities, validated the way Orion-LD validates them.</summary>
internal sealed class QueryParameters
{
    public const int MaxLimit = 1000;

    /// <summary>Parameters Orion-LD accepts on GET /entities; anything else is a 400 "Unknown URI parameter".</summary>
    private static readonly HashSet<string> Known = new(StringComparer.Ordinal)
    {
        "id", "type", "idPattern", "typePattern", "attrs", "pick", "q", "csf", "geometry", "georel", "coordinates",
        "geoproperty", "geometryProperty", "lang", "local", "onlyIds", "orderBy", "limit", "offset", "count",
        "format", "options", "scopeQ",
    };

    /// <summary>Parameters that make no sense together with NGSILD-EntityMap (the map already fixed the query).</summary>
    private static readonly string[] QueryDefining = ["id", "type", "idPattern", "typePattern", "q", "geometry", "attrs", "pick", "local"];

    /// <summary>Geo, language, scope and ordering filters: accepted by Orion-LD, not implemented here.</summary>
    private static readonly string[] Unsupported = ["geometry", "georel", "coordinates", "geoproperty", "geometryProperty", "lang", "orderBy", "scopeQ", "csf", "typePattern", "onlyIds"];

    public string[]? Ids { get; private init; }
    public string[]? Types { get; private init; }
    public Regex? IdPattern { get; private init; }
    public string[]? Attrs { get; private init; }
    public QExpression? Q { get; private init; }
    public string? RawQ { get; private init; }
    public bool Local { get; private init; }
    public int Limit { get; private init; }
    public int Offset { get; private init; }
    public bool Count { get; private init; }
    public OutputForm Form { get; private init; }
    public bool SysAttrs { get; private init; }
    public bool HasQueryDefining { get; private init; }

    /// <summary>True when nothing narrows the query, which Orion-LD refuses as too broad.</summary>
    public bool IsTooBroad => Ids is null && Types is null && IdPattern is null && Q is null && Attrs is null && !Local;

    /// <summary>Whether <paramref name="entity"/> passes id, type, idPattern, q and attrs filters at time <paramref name="now"/>.</summary>
    public bool Matches(Model.NgsiEntity entity, DateTimeOffset now)
    {
        if (Ids is not null && Array.IndexOf(Ids, entity.Id) < 0) return false;
        if (Types is not null && Array.IndexOf(Types, entity.Type) < 0) return false;
        if (IdPattern is not null && !IdPattern.IsMatch(entity.Id)) return false;
        if (Attrs is not null && !EntityWriter.HasAnyOf(entity, Attrs)) return false;
        return Q is null || Q.Matches(entity, now);
    }

    /// <summary>Parses the query string; <paramref name="context"/> expands type and attribute terms.</summary>
    public static bool TryParse(IQueryCollection query, LdContext context, int defaultLimit, out QueryParameters parameters, out NgsiProblem? problem)
    {
        parameters = new QueryParameters();
        problem = null;
        foreach (var key in query.Keys)
        {
            if (!Known.Contains(key))
            {
                problem = NgsiProblem.BadRequest("Unknown URI parameter", key);
                return false;
            }
        }
        foreach (var key in Unsupported)
        {
            if (query.ContainsKey(key))
            {
                problem = new NgsiProblem(501, "OperationNotSupported", "URI parameter not supported by the simulator", key);
                return false;
            }
        }

        if (!TryBool(query, "count", out var count, out problem) || !TryBool(query, "local", out var local, out problem))
            return false;

        if (!TryForm(query, out var form, out var sysAttrs, out var optionCount, out problem)) return false;
        count |= optionCount;

        var limit = defaultLimit;
        if (query.TryGetValue("limit", out var limitText))
        {
            if (!int.TryParse(limitText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out limit))
            {
                problem = NgsiProblem.BadRequest("Invalid value for URI parameter /limit/", "must be an integer value >= 0");
                return false;
            }
            if (limit > MaxLimit)
            {
                problem = NgsiProblem.BadRequest("Invalid value for URI parameter /limit/", $"must be an integer value <= {MaxLimit}");
                return false;
            }
            if (limit == 0 && !count)
            {
                problem = NgsiProblem.BadRequest("Invalid value for URI parameter /limit/", "must be an integer value >= 1, if /count/ is not set");
                return false;
            }
        }
        var offset = 0;
        if (query.TryGetValue("offset", out var offsetText)
            && !int.TryParse(offsetText.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            problem = NgsiProblem.BadRequest("Invalid value for URI parameter /offset/", "must be an integer value >= 0");
            return false;
        }

        Regex? idPattern = null;
        if (query.TryGetValue("idPattern", out var pattern))
        {
            try { idPattern = new Regex(pattern.ToString(), RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100)); }
            catch (ArgumentException e)
            {
                problem = NgsiProblem.BadRequest("Invalid value for URI parameter /idPattern/", e.Message);
                return false;
            }
        }

        QExpression? q = null;
        string? rawQ = null;
        if (query.TryGetValue("q", out var qText))
        {
            rawQ = qText.ToString();
            if (!QParser.TryParse(rawQ, context, out q, out var qError))
            {
                problem = NgsiProblem.BadRequest("Invalid Q-Filter", qError);
                return false;
            }
        }

        var attrsText = query.TryGetValue("attrs", out var a) ? a.ToString() : query.TryGetValue("pick", out var p) ? p.ToString() : null;
        parameters = new QueryParameters
        {
            Ids = List(query, "id"),
            Types = List(query, "type")?.Select(context.StoredName).ToArray(),
            IdPattern = idPattern,
            Attrs = attrsText is null ? null : Split(attrsText).Select(context.StoredName).Where(n => n is not ("id" or "type")).ToArray(),
            Q = q,
            RawQ = rawQ,
            Local = local,
            Limit = limit,
            Offset = offset,
            Count = count,
            Form = form,
            SysAttrs = sysAttrs,
            HasQueryDefining = QueryDefining.Any(query.ContainsKey),
        };
        return true;
    }

    /// <summary>Parses format= and options= (format wins when both are given).</summary>
    public static bool TryForm(IQueryCollection query, out OutputForm form, out bool sysAttrs, out bool count, out NgsiProblem? problem)
    {
        form = OutputForm.Normalized;
        sysAttrs = false;
        count = false;
        problem = null;
        OutputForm? fromOptions = null;
        if (query.TryGetValue("options", out var options))
        {
            foreach (var option in Split(options.ToString()))
            {
                switch (option)
                {
                    case "keyValues" or "simplified": fromOptions = OutputForm.Simplified; break;
                    case "concise": fromOptions = OutputForm.Concise; break;
                    case "normalized": fromOptions = OutputForm.Normalized; break;
                    case "sysAttrs": sysAttrs = true; break;
                    case "count": count = true; break;
                    case "values" or "unique":
                        problem = new NgsiProblem(501, "OperationNotSupported", "URI parameter value not supported by the simulator", $"options={option}");
                        return false;
                    default:
                        problem = NgsiProblem.BadRequest("Unknown value for 'options' URI parameter", option);
                        return false;
                }
            }
        }
        if (query.TryGetValue("format", out var format))
        {
            switch (format.ToString())
            {
                case "normalized": form = OutputForm.Normalized; break;
                case "concise": form = OutputForm.Concise; break;
                case "simplified" or "keyValues": form = OutputForm.Simplified; break;
                default:
                    problem = NgsiProblem.BadRequest("Bad value for URI parameter /format/", format.ToString());
                    return false;
            }
        }
        else if (fromOptions is { } f) form = f;
        return true;
    }

    private static bool TryBool(IQueryCollection query, string name, out bool value, out NgsiProblem? problem)
    {
        value = false;
        problem = null;
        if (!query.TryGetValue(name, out var text)) return true;
        switch (text.ToString())
        {
            case "true": value = true; return true;
            case "false": return true;
            default:
                problem = NgsiProblem.BadRequest($"Invalid value for URI parameter /{name}/", "must be true or false");
                return false;
        }
    }

    private static string[]? List(IQueryCollection query, string name)
        => query.TryGetValue(name, out var v) ? Split(v.ToString()) : null;

    private static string[] Split(string text) => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
