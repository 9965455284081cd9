using System.Text.Json.Nodes;

namespace Safe6G.Simulators.Grafana;

/// <summary>Folders and dashboards of the simulated Grafana, with Grafana's save rules (uid, title per folder, version, overwrite).</summary>
public sealed class GrafanaStore
{
    private readonly Lock _gate = new();
    private readonly List<StoredFolder> _folders = [];
    private readonly Dictionary<string, StoredDashboard> _dashboards = new(StringComparer.Ordinal);
    private int _nextId = 1;

    /// <summary>Folder list snapshot.</summary>
    public IReadOnlyList<StoredFolder> Folders
    {
        get { lock (_gate) return [.. _folders]; }
    }

    /// <summary>Dashboard snapshot by uid.</summary>
    public IReadOnlyDictionary<string, StoredDashboard> Dashboards
    {
        get { lock (_gate) return new Dictionary<string, StoredDashboard>(_dashboards, StringComparer.Ordinal); }
    }

    /// <summary>How many times POST /api/folders created a folder (tests check "created once").</summary>
    public int FoldersCreated { get; private set; }

    internal (int Status, string? Error, StoredFolder? Folder) CreateFolder(string? uid, string title)
    {
        lock (_gate)
        {
            uid = string.IsNullOrEmpty(uid) ? $"f{_nextId}" : uid;
            if (_folders.Any(f => f.Uid == uid))
                return (409, "a folder with the same uid already exists", null);
            if (_folders.Any(f => string.Equals(f.Title, title, StringComparison.OrdinalIgnoreCase)))
                return (409, "a folder with the same name already exists", null);
            var folder = new StoredFolder(_nextId++, uid, title);
            _folders.Add(folder);
            FoldersCreated++;
            return (200, null, folder);
        }
    }

    internal StoredFolder? Folder(string uid)
    {
        lock (_gate) return _folders.FirstOrDefault(f => f.Uid == uid);
    }

    internal (int Status, string? Error, string? ErrorStatus, StoredDashboard? Saved) Save(JsonObject dashboard, string folderUid, bool overwrite)
    {
        lock (_gate)
        {
            var title = dashboard["title"]?.GetValue<string>();
            if (string.IsNullOrWhiteSpace(title))
                return (400, "Dashboard title cannot be empty", "empty-name", null);
            if (folderUid.Length > 0 && _folders.All(f => f.Uid != folderUid))
                return (400, "folder not found", "folder-not-found", null);
            var uid = dashboard["uid"]?.GetValue<string>() is { Length: > 0 } u ? u : $"d{_nextId}";
            if (uid.Length > 40)
                return (400, "uid too long, max 40 characters", "bad-uid", null);
            var sameTitle = _dashboards.Values.FirstOrDefault(d => d.FolderUid == folderUid && d.Uid != uid
                && string.Equals(d.Title, title, StringComparison.OrdinalIgnoreCase));
            if (sameTitle is not null)
                return (412, "A dashboard with the same name in the folder already exists", "name-exists", null);
            _dashboards.TryGetValue(uid, out var existing);
            if (existing is not null && !overwrite)
            {
                var version = dashboard["version"]?.GetValue<int>() ?? 0;
                if (version != existing.Version)
                    return (412, "The dashboard has been changed by someone else", "version-mismatch", null);
            }
            var saved = new StoredDashboard(existing?.Id ?? _nextId++, uid, title, folderUid, (existing?.Version ?? 0) + 1, (JsonObject)dashboard.DeepClone());
            saved.Json["id"] = saved.Id;
            saved.Json["uid"] = uid;
            saved.Json["version"] = saved.Version;
            _dashboards[uid] = saved;
            return (200, null, null, saved);
        }
    }
}

/// <summary>A stored folder.</summary>
public sealed record StoredFolder(int Id, string Uid, string Title);

/// <summary>A stored dashboard at its latest version.</summary>
public sealed record StoredDashboard(int Id, string Uid, string Title, string FolderUid, int Version, JsonObject Json)
{
    /// <summary>Grafana's URL slug of the title.</summary>
    public string Slug => new string([.. Title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
}
