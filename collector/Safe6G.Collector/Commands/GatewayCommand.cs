using System.CommandLine;
using System.Text.Json;
using Safe6G.Exporters.Sdk.Config;
using Safe6G.Gateway.Auth;
using Safe6G.Gateway.Hosting;

namespace Safe6G.Collector.Commands;

/// <summary>
/// <c>safe6g gateway</c>: /thanos and /loki with JWT auth and tenancy; plus <c>jwk-from-pem</c> (the CAPIF step),
/// <c>demo-keys</c> and <c>token</c> (demo key material and example tokens).
/// </summary>
internal static class GatewayCommand
{
    public static Command Build()
    {
        var config = CommonOptions.Config("gateway");
        var listen = CommonOptions.Listen(9480);
        var command = new Command("gateway", "Serve PromQL under /thanos and LogQL under /loki with JWT auth and tenant enforcement") { config, listen };
        command.SetAction(async (result, cancellationToken) =>
        {
            RunningGateway gateway;
            try
            {
                gateway = await GatewayHost.StartAsync(result.GetValue(config), result.GetValue(listen)!, cancellationToken).ConfigureAwait(false);
            }
            catch (ConfigException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g gateway: invalid configuration:{Environment.NewLine}{ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (FormatException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g gateway: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Usage;
            }
            catch (InvalidDataException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g gateway: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }
            catch (IOException ex)
            {
                await Console.Error.WriteLineAsync($"safe6g gateway: cannot listen on {result.GetValue(listen)}: {ex.Message}").ConfigureAwait(false);
                return ExitCodes.Failure;
            }

            await using (gateway.ConfigureAwait(false))
            {
                await Console.Out.WriteLineAsync($"gateway listening on {gateway.BaseAddress}").ConfigureAwait(false);
                try
                {
                    await gateway.WaitForShutdownAsync(cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    // Ctrl-C: a clean stop.
                }
            }

            return ExitCodes.Ok;
        });
        command.Add(JwkFromPem());
        command.Add(DemoKeys());
        command.Add(Token());
        return command;
    }

    private static Command JwkFromPem()
    {
        var cert = new Option<string>("--cert") { Description = "PEM certificate (e.g. from OpenCAPIF)", Required = true };
        var kid = new Option<string?>("--kid") { Description = "key id (default: RFC 7638 thumbprint)" };
        var command = new Command("jwk-from-pem", "Print the JWK of a PEM certificate's public key (the CAPIF flow)") { cert, kid };
        command.SetAction(result =>
        {
            var file = result.GetValue(cert)!;
            try
            {
                var jwk = Gateway.Auth.JwkFromPem.Convert(File.ReadAllText(file), result.GetValue(kid));
                Console.Out.WriteLine(jwk.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                Console.Error.WriteLine($"safe6g gateway jwk-from-pem: cannot read {file}: {ex.Message}");
                return ExitCodes.Usage;
            }
            catch (FormatException ex)
            {
                Console.Error.WriteLine($"safe6g gateway jwk-from-pem: {file}: {ex.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }

    private static Command DemoKeys()
    {
        var output = new Option<string>("--out") { Description = "folder for signing-key.pem and jwks.json", Required = true };
        var alg = new Option<string>("--alg") { Description = "ES256 or RS256", DefaultValueFactory = _ => "ES256" };
        alg.AcceptOnlyFromAmong("ES256", "RS256");
        var kid = new Option<string>("--kid") { Description = "key id", DefaultValueFactory = _ => "demo-1" };
        var command = new Command("demo-keys", "Write a demo signing key and its public JWKS (for the demo and tests, not production)") { output, alg, kid };
        command.SetAction(result =>
        {
            var (key, jwks) = TokenMinter.CreateDemoKeys(result.GetValue(output)!, result.GetValue(alg)!, result.GetValue(kid)!);
            Console.Out.WriteLine($"signing key: {key}{Environment.NewLine}jwks:        {jwks}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command Token()
    {
        var key = new Option<string>("--key") { Description = "private key PEM (from demo-keys)", Required = true };
        var kid = new Option<string>("--kid") { Description = "key id in the JWKS", DefaultValueFactory = _ => "demo-1" };
        var tenant = new Option<string>("--tenant") { Description = "tenant claim value", Required = true };
        var scopes = new Option<string[]>("--scope") { Description = "scope to grant (repeatable)", AllowMultipleArgumentsPerToken = true, DefaultValueFactory = _ => ["metrics:read", "logs:read", "datasets:export"] };
        var issuer = new Option<string>("--issuer") { DefaultValueFactory = _ => "safe6g-demo" };
        var audience = new Option<string>("--audience") { DefaultValueFactory = _ => "safe6g-gateway" };
        var ttl = new Option<string>("--ttl") { Description = "lifetime, e.g. 1h", DefaultValueFactory = _ => "1h" };
        var command = new Command("token", "Mint a demo token signed with a demo key (prints it)") { key, kid, tenant, scopes, issuer, audience, ttl };
        command.SetAction(result =>
        {
            try
            {
                using var signing = TokenMinter.LoadPrivateKey(File.ReadAllText(result.GetValue(key)!));
                Console.Out.WriteLine(TokenMinter.Mint(signing, result.GetValue(kid)!, new TokenRequest
                {
                    Tenant = result.GetValue(tenant),
                    Scopes = result.GetValue(scopes)!,
                    Issuer = result.GetValue(issuer)!,
                    Audience = result.GetValue(audience)!,
                    Lifetime = PrometheusDuration.Parse(result.GetValue(ttl)!),
                }));
                return ExitCodes.Ok;
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException)
            {
                Console.Error.WriteLine($"safe6g gateway token: {ex.Message}");
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
