using System.CommandLine;
using Safe6G.Dashboards;
using Safe6G.Dashboards.Grafana;
using Safe6G.Dashboards.Output;

namespace Safe6G.Collector.Commands;

/// <summary><c>safe6g dashboards build|import</c>: dashboards as code (dashboards/README.md).</summary>
internal static class DashboardsCommand
{
    public static Command Build() => new("dashboards", "Dashboards as code: write them as Grafana JSON, or import them over Grafana's HTTP API")
    {
        BuildCommand(), ImportCommand(),
    };

    private static Command BuildCommand()
    {
        var output = new Option<string?>("--out") { Description = "output folder (default dashboards/grafana of the repository, else of the current folder)" };
        var command = new Command("build", "Write the dashboards as importable Grafana JSON files (<uid>.json)") { output };
        command.SetAction(result =>
        {
            var dir = result.GetValue(output) ?? DashboardWriter.DefaultOutDir(Directory.GetCurrentDirectory());
            try
            {
                var files = DashboardWriter.WriteAll(dir);
                Console.WriteLine($"wrote {files.Count} dashboards to {Path.GetFullPath(dir)}");
                foreach (var file in files)
                    Console.WriteLine($"  {Path.GetFileName(file)}");
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"safe6g dashboards build: cannot write to {dir}: {ex.Message}");
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static Command ImportCommand()
    {
        var grafana = new Option<string>("--grafana") { Description = "Grafana base URL, e.g. http://127.0.0.1:3000", Required = true };
        var token = new Option<string?>("--token") { Description = "service account token (Bearer)" };
        var user = new Option<string?>("--user") { Description = "basic-auth user (with --password)" };
        var password = new Option<string?>("--password") { Description = "basic-auth password" };
        var folder = new Option<string>("--folder") { Description = "folder to import into (created once)", DefaultValueFactory = _ => "SAFE-6G" };
        var dataSource = new Option<string?>("--datasource") { Description = "Prometheus data source name or uid (default: the default Prometheus one)" };
        var timeout = new Option<double>("--timeout") { Description = "seconds to wait for each Grafana call", DefaultValueFactory = _ => 10 };
        var command = new Command("import", "Import the dashboards into Grafana (folders API, POST /api/dashboards/db with overwrite); idempotent")
        {
            grafana, token, user, password, folder, dataSource, timeout,
        };
        command.SetAction(async (result, ct) =>
        {
            var url = result.GetValue(grafana)!;
            var usage = Usage(url, result.GetValue(token), result.GetValue(user), result.GetValue(password), result.GetValue(folder)!, result.GetValue(timeout));
            if (usage is not null)
            {
                await Console.Error.WriteLineAsync($"safe6g dashboards import: {usage}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            using var client = new GrafanaClient(new Uri(url), new GrafanaCredentials(result.GetValue(token), result.GetValue(user), result.GetValue(password)),
                TimeSpan.FromSeconds(result.GetValue(timeout)));
            try
            {
                var import = await new DashboardImporter(client).ImportAsync(DashboardCatalog.All(), result.GetValue(folder)!, result.GetValue(dataSource), ct).ConfigureAwait(false);
                Console.WriteLine($"folder '{import.Folder.Title}' ({import.Folder.Uid}){(import.FolderCreated ? " created" : "")}; data source '{import.DataSource.Name}' ({import.DataSource.Uid})");
                foreach (var saved in import.Dashboards)
                    Console.WriteLine($"  {saved.Uid} version {saved.Version}: {saved.Url}");
                Console.WriteLine($"imported {import.Dashboards.Count} dashboards into {client.BaseUrl}");
                return ExitCodes.Ok;
            }
            catch (GrafanaException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g dashboards import: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
        });
        return command;
    }

    private static string? Usage(string url, string? token, string? user, string? password, string folder, double timeout)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return $"--grafana must be an http(s) URL, got '{url}'";
        if (token is not null && (user is not null || password is not null))
            return "give either --token or --user/--password, not both";
        if ((user is null) != (password is null))
            return "--user and --password go together";
        if (string.IsNullOrWhiteSpace(folder))
            return "--folder must not be empty";
        if (timeout is <= 0 or > 600 || double.IsNaN(timeout))
            return "--timeout must be within (0, 600] seconds";
        return null;
    }
}
