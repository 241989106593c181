using System.CommandLine;
using WasmBench.Silo.Api;
using WasmBench.Silo.Hosting;
using WasmBench.Silo.Security;

namespace WasmBench.Silo.Cli;

/// <summary>`wasmbench serve`: the service (coordinator, runner and dashboard by default).</summary>
public static class ServeCommand
{
    public const string TokenVariable = "WASMBENCH_API_TOKEN";

    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the HTTP API and dashboard listen.", DefaultValueFactory = _ => ServeHost.DefaultUrls };
        var db = new Option<string>("--db") { Description = "The database: a SQLite file, or PostgreSQL as postgres://user:pass@host:port/db or a connection string (Host=...;Database=...).", DefaultValueFactory = _ => HostSettings.DefaultDatabasePath };
        var roles = new Option<string>("--roles") { Description = "Comma-separated roles of this process: coordinator, runner, dashboard.", DefaultValueFactory = _ => "coordinator,runner,dashboard" };
        var siloPort = new Option<int>("--silo-port") { Description = "Orleans silo port (0: any free port).", DefaultValueFactory = _ => 11111 };
        var gatewayPort = new Option<int>("--gateway-port") { Description = "Orleans gateway port (0: any free port).", DefaultValueFactory = _ => 30000 };
        var join = new Option<int?>("--join") { Description = "Join the cluster whose primary silo listens on this local port (development clustering)." };
        var redis = new Option<string?>("--redis") { Description = "Join a farm: Orleans membership in this Redis server (host:port) instead of localhost clustering." };
        var clusterListen = new Option<string>("--cluster-listen") { Description = "With --redis: where the Orleans silo and gateway ports listen: loopback, any (every interface), or one address. Beyond loopback needs --tls-cert, --tls-key and --tls-ca.", DefaultValueFactory = _ => ClusterListen.LoopbackName };
        var tlsCert = new Option<string?>("--tls-cert") { Description = "This node's certificate (PEM) for mutual TLS between silos and clients (see 'wasmbench certs')." };
        var tlsKey = new Option<string?>("--tls-key") { Description = "The private key (PEM) of --tls-cert." };
        var tlsCa = new Option<string?>("--tls-ca") { Description = "The farm's CA certificate (PEM): peers must present a certificate it issued." };
        var suiteRoot = new Option<string[]>("--suite-root") { Description = "Over HTTP, suite and testsuite paths must lie under one of these folders (repeatable; default: the suites folder and the configured testsuite).", AllowMultipleArgumentsPerToken = false };
        var allowedHosts = new Option<string?>("--allowed-hosts") { Description = "Host names the HTTP service answers, separated by ';' (* any, *.example.org its subdomains; default: localhost, 127.0.0.1, [::1] and the hosts of --urls, any when --urls listens on every address)." };
        var remeasure = RemeasureOption.Create();
        var otlp = new Option<string?>("--otlp") { Description = "Send metrics and traces over OTLP to this endpoint (e.g. http://127.0.0.1:4317; OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf for port 4318); default: OTEL_EXPORTER_OTLP_ENDPOINT, else off." };
        var specBudget = new Option<int>("--spec-script-timeout")
        {
            Description = "Seconds a spec script may take in its sandboxed child process (interp and Wasmtime scripts each run in one; each action has its own limit too); 0 runs scripts inside the runner (unsafe with untrusted scripts).",
            DefaultValueFactory = _ => (int)Runners.Worker.ChildSpecRunner.DefaultBudget.TotalSeconds,
        };
        var noSeed = new Option<bool>("--no-seed") { Description = "Do not start a quick-suite run when the database is empty." };
        var command = new Command("serve", $"Run the WasmBench service. Mutating API calls need a bearer token (env {TokenVariable}) whenever --urls reaches beyond loopback; Orleans ports beyond loopback need mutual TLS.")
        {
            urls, db, roles, siloPort, gatewayPort, join, redis, clusterListen, tlsCert, tlsKey, tlsCa, suiteRoot, allowedHosts, noSeed, remeasure, otlp, specBudget,
        };
        command.SetAction(async (parse, ct) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var parsedRoles = RolesParser.Parse(parse.GetValue(roles)!);
            if (!parsedRoles.Succeeded)
            {
                await error.WriteLineAsync(parsedRoles.Error);
                return ExitCodes.Usage;
            }

            var listen = parse.GetValue(urls)!;
            var token = Environment.GetEnvironmentVariable(TokenVariable);
            var cluster = ClusterListen.Parse(parse.GetValue(clusterListen)!);
            var tlsFiles = new[] { parse.GetValue(tlsCert), parse.GetValue(tlsKey), parse.GetValue(tlsCa) };
            if (cluster is null || (tlsFiles.Any(f => f is not null) && tlsFiles.Any(f => f is null)))
            {
                await error.WriteLineAsync($"--cluster-listen must be {ClusterListen.LoopbackName}, {ClusterListen.AnyName} or an IP address, and --tls-cert, --tls-key and --tls-ca go together.");
                return ExitCodes.Usage;
            }

            var tls = tlsFiles[0] is null ? null : new ClusterTls(tlsFiles[0]!, tlsFiles[1]!, tlsFiles[2]!);
            if (ServeGuard.Check(listen, token, parse.GetValue(redis), cluster, tls, TokenVariable) is { } refused)
            {
                await error.WriteLineAsync(refused);
                return ExitCodes.Usage;
            }

            if (Storage.StoreTarget.Parse(parse.GetValue(db)!) is { Succeeded: false } badDb)
            {
                await error.WriteLineAsync(badDb.Error);
                return ExitCodes.Usage;
            }

            Uri? otlpEndpoint = null;
            if (parse.GetValue(otlp) is { } otlpText && (!Uri.TryCreate(otlpText, UriKind.Absolute, out otlpEndpoint) || otlpEndpoint.Scheme is not ("http" or "https")))
            {
                await error.WriteLineAsync($"--otlp must be an http:// or https:// URL, e.g. http://127.0.0.1:4317 (got '{otlpText}').");
                return ExitCodes.Usage;
            }

            if (parse.GetValue(specBudget) is < 0 or > 86_400)
            {
                await error.WriteLineAsync($"--spec-script-timeout must be between 0 and 86400 seconds (got {parse.GetValue(specBudget)}).");
                return ExitCodes.Usage;
            }

            var settings = new HostSettings(
                parsedRoles.Value,
                parse.GetValue(db)!,
                parse.GetValue(siloPort),
                parse.GetValue(gatewayPort),
                parse.GetValue(join),
                token,
                SeedQuickRun: !parse.GetValue(noSeed),
                Redis: parse.GetValue(redis),
                Remeasure: parse.GetValue(remeasure),
                ClusterListen: cluster,
                ClusterTls: tls,
                SuiteRoots: parse.GetValue(suiteRoot) is { Length: > 0 } roots ? roots : null,
                AllowedHosts: parse.GetValue(allowedHosts) is { } hosts ? HostGuard.Parse(hosts) : null,
                Otlp: otlpEndpoint,
                SpecScriptBudget: parse.GetValue(specBudget) is > 0 and var seconds ? TimeSpan.FromSeconds(seconds) : null);
            if (settings.Redis is { } farm && await RedisProbe.CheckAsync(farm, ct) is { } unreachable)
            {
                await error.WriteLineAsync(unreachable);
                return ExitCodes.Usage;
            }

            var app = ServeHost.Build(settings, listen);
            if (settings.Has(Roles.Coordinator))
            {
                try
                {
                    await app.Services.MigrateDatabaseAsync(ct);
                }
                catch (Storage.StoreUnavailableException e)
                {
                    await error.WriteLineAsync(e.Message);
                    return ExitCodes.Usage;
                }
            }

            await app.RunAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
