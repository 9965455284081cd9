using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace Safe6G.Simulators.Grafana;

/// <summary>The Grafana HTTP API subset the dashboards importer uses, answering as Grafana does ({"message": ...} on errors).</summary>
public sealed class GrafanaApi(GrafanaStore store, GrafanaSimulatorOptions options)
{
    /// <summary>401 unless the request carries the configured token or user/password, like Grafana with anonymous access off.</summary>
    public bool IsAuthorized(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (options.Token is { } token && header == $"Bearer {token}")
            return true;
        if (options.User is { } user && header.StartsWith("Basic ", StringComparison.Ordinal))
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(header["Basic ".Length..]));
                return pair == $"{user}:{options.Password}";
            }
            catch (FormatException)
            {
                return false;
            }
        }
        return false;
    }

    public IResult Folders() => Results.Json(store.Folders.Select(f => new { id = f.Id, uid = f.Uid, title = f.Title }));

    public IResult Folder(string uid) => store.Folder(uid) is { } f
        ? Results.Json(new { id = f.Id, uid = f.Uid, title = f.Title, url = $"/dashboards/f/{f.Uid}/", version = 1 })
        : Message(404, "folder not found");

    public async Task<IResult> CreateFolderAsync(HttpContext context)
    {
        var body = await ReadAsync(context);
        if (body?["title"]?.GetValue<string>() is not { Length: > 0 } title)
            return Message(400, "folder title cannot be empty");
        var (status, error, folder) = store.CreateFolder(body["uid"]?.GetValue<string>(), title);
        return folder is null
            ? Message(status, error!)
            : Results.Json(new { id = folder.Id, uid = folder.Uid, title = folder.Title, url = $"/dashboards/f/{folder.Uid}/", version = 1 });
    }

    public IResult DataSources() => Results.Json(options.DataSources.Select((d, i) => new
    {
        id = i + 1,
        uid = d.Uid,
        orgId = 1,
        name = d.Name,
        type = d.Type,
        access = "proxy",
        url = "http://127.0.0.1:9090",
        isDefault = d.IsDefault,
    }));

    public async Task<IResult> SaveDashboardAsync(HttpContext context)
    {
        JsonObject? body;
        try
        {
            body = await ReadAsync(context);
        }
        catch (JsonException)
        {
            return Message(400, "bad request data");
        }
        if (body?["dashboard"] is not JsonObject dashboard)
            return Message(400, "bad request data: dashboard missing");
        var folderUid = body["folderUid"]?.GetValue<string>() ?? "";
        var overwrite = body["overwrite"]?.GetValue<bool>() ?? false;
        var (status, error, errorStatus, saved) = store.Save(dashboard, folderUid, overwrite);
        if (saved is null)
            return Results.Json(new { message = error, status = errorStatus }, statusCode: status);
        return Results.Json(new { id = saved.Id, uid = saved.Uid, url = $"/d/{saved.Uid}/{saved.Slug}", status = "success", version = saved.Version, slug = saved.Slug });
    }

    public IResult Dashboard(string uid) => store.Dashboards.TryGetValue(uid, out var d)
        ? Results.Json(new { dashboard = d.Json, meta = new { folderUid = d.FolderUid, version = d.Version, slug = d.Slug, url = $"/d/{d.Uid}/{d.Slug}" } })
        : Message(404, "Dashboard not found");

    internal static IResult Message(int status, string message) => Results.Json(new { message }, statusCode: status);

    private static async Task<JsonObject?> ReadAsync(HttpContext context) =>
        (await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted))?.AsObject();
}
